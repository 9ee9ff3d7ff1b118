/**
 * What an adapter's operation says when it is done (a power action queued, a deletion scheduled,
 * a VM being set up…), as a code and its specifics: the API sends them beside the English
 * `message` (server actions, day-2 operations, firewall changes), the pages show
 * `actionResult.<code>` in the reader's language and fall back to the English `message`. A unit
 * test fails when a code has no message in a language, or a message uses a parameter its code
 * does not send. `provider_said` carries the provider's own words (`text`), shown as they are.
 */
export const ACTION_RESULT_PARAMS = {
  /** VirtFusion queues power actions: the task's number. */
  queued_task: ['id'],
  /** A provider action to follow in its action log (Hostinger): its id and the provider's state word. */
  provider_action: ['provider', 'id', 'state'],
  provider_action_started: ['provider', 'id'],
  setup_started: ['provider', 'id'],
  build_queued: ['provider'],
  template_ok: ['template'],
  parameters_ok: ['provider'],
  deletion_scheduled: ['provider', 'count'],
  renamed: ['provider', 'hostname'],
  keys_attached: ['count', 'id'],
  keys_attached_action: ['count', 'id', 'action'],
  provider_said: ['provider', 'text'],
} as const satisfies Record<string, readonly string[]>

export type ActionResultCode = keyof typeof ACTION_RESULT_PARAMS
export const ACTION_RESULT_CODES = Object.keys(ACTION_RESULT_PARAMS) as ActionResultCode[]
export type ActionResultParams = Record<string, string | number>

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

/** The English sentence of each code (what `message` says; i18n/locales/en/actionResult.json says the same). */
const ENGLISH: Record<ActionResultCode, (p: ActionResultParams) => string> = {
  queued_task: p => `Queued as task ${p.id}`,
  provider_action: p => `${p.provider} action ${p.id} (${p.state})`,
  provider_action_started: p => `${p.provider} action ${p.id}`,
  setup_started: p => `${p.provider} is setting up VM ${p.id}`,
  build_queued: p => `Build queued; ${p.provider} generates the root password.`,
  template_ok: p => `OS template ${p.template} can be installed.`,
  parameters_ok: p => `${p.provider} accepted the parameters`,
  deletion_scheduled: p => `${p.provider} deletes the server in ${p.count} ${plural(Number(p.count), 'minute', 'minutes')}.`,
  renamed: p => `${p.provider} server renamed to ${p.hostname}`,
  keys_attached: p => `${p.count} SSH ${plural(Number(p.count), 'key', 'keys')} attached to VM ${p.id}`,
  keys_attached_action: p => `${p.count} SSH ${plural(Number(p.count), 'key', 'keys')} attached to VM ${p.id} (action ${p.action})`,
  provider_said: p => String(p.text),
}

/** `message` in English with its `code` and `params`, for an adapter's `ActionResult`. */
export function resultMessage(code: ActionResultCode, params: ActionResultParams): { message: string, code: ActionResultCode, params: ActionResultParams } {
  return { message: ENGLISH[code](params), code, params }
}

/** What an answer carries of an adapter's words: the English `message`, and `code` + `params` with it. */
export function resultWords(r: { message?: string, code?: ActionResultCode, params?: ActionResultParams }) {
  if (!r.message) return {}
  return r.code ? { message: r.message, code: r.code, params: r.params ?? {} } : { message: r.message }
}
