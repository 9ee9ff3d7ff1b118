/** The provisioning steps, in order, and how an order's logs read as a timeline. */
import type { provisioningLogs } from '#server/db/schema'

export const STEPS = ['ensure_user', 'push_ssh_keys', 'create', 'install', 'wait_running', 'assign', 'notify'] as const
export type StepName = (typeof STEPS)[number]

export const STEP_LABELS: Record<StepName, string> = {
  ensure_user: 'Prepare your account',
  push_ssh_keys: 'Upload your SSH keys',
  create: 'Create the server',
  install: 'Install the operating system',
  wait_running: 'Wait until it is running',
  assign: 'Add it to your servers',
  notify: 'Done',
}

/**
 * A log line's words as a code and its specifics (`order.log.<code>` on the order page), kept
 * beside the English sentence: the page says it in the admin's language, the API still reads.
 */
export interface LogText { code: LogCode, params?: Record<string, string | number> }
export const LOG_CODES = [
  'step_started',
  'no_customer_users',
  'upstream_user_fixed',
  'upstream_user_ready',
  'no_keys_chosen',
  'keys_unsupported',
  'keys_ready',
  'keys_ready_missing',
  'already_created',
  'created',
  'found_after_lost',
  'create_needs_review',
  'create_failed',
  'installed_with_setup',
  'installs_with_create',
  'unpaid_timeout',
  'install_running',
  'install_queued',
  'install_queued_note',
  'running',
  'running_at',
  'server_error_status',
  'running_timeout',
  'owned_by',
  'inventory_write_failed',
  'customer_notified',
  'unexpected_error',
  'cancelled_unpaid',
  'removing_upstream',
  'removed_upstream',
  'already_gone',
  'remove_by_hand',
  'nothing_created',
] as const
export type LogCode = (typeof LOG_CODES)[number]

export type LogRow = typeof provisioningLogs.$inferSelect
export type StepState = 'waiting' | 'running' | 'succeeded' | 'failed' | 'skipped'

export interface StepView {
  name: StepName
  label: string
  status: StepState
  started_at: string | null
  finished_at: string | null
  message: string | null
  message_code: string | null
  message_params: Record<string, string | number> | null
}

/** A log line's sentence as its code, from `details` (logStep); null on lines older than the codes. */
export function logText(l: Pick<LogRow, 'details'>) {
  const d = (l.details ?? {}) as { message_code?: string, message_params?: Record<string, string | number> }
  return { message_code: d.message_code ?? null, message_params: d.message_code ? d.message_params ?? {} : null }
}

/**
 * Each step's latest attempt: a retry starts a step again, so only the logs from its last
 * `started` on count (a `skipped` stands alone).
 */
export function stepTimeline(logs: LogRow[], opts: { currentStep: string | null, orderStatus: string }): StepView[] {
  return STEPS.map((name) => {
    const mine = logs.filter(l => l.step === name)
    const lastStart = mine.map(l => l.status).lastIndexOf('started')
    const attempt = lastStart >= 0 ? mine.slice(lastStart) : mine.slice(-1)
    const end = [...attempt].reverse().find(l => l.status !== 'started')
    const start = attempt.find(l => l.status === 'started')
    let status: StepState = end ? (end.status as StepState) : start ? 'running' : 'waiting'
    // A step whose runner died shows as running until it is resumed; a failed order says so.
    if (status === 'running' && opts.orderStatus === 'failed' && opts.currentStep !== name) status = 'waiting'
    return {
      name,
      label: STEP_LABELS[name],
      status,
      started_at: (start ?? end)?.createdAt.toISOString() ?? null,
      finished_at: end?.createdAt.toISOString() ?? null,
      message: (end ?? start)?.message ?? null,
      ...logText(end ?? start ?? { details: null }),
    }
  })
}
