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

export type LogRow = typeof provisioningLogs.$inferSelect
export type StepState = 'waiting' | 'running' | 'succeeded' | 'failed' | 'skipped'

export interface StepView {
  name: StepName
  label: string
  status: StepState
  started_at: string | null
  finished_at: string | null
  message: string | null
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
    }
  })
}
