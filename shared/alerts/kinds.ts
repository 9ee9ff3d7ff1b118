/**
 * Every kind of alert: who it concerns, how loud it is, and whether it is mailed unless the
 * reader says otherwise. The words are in i18n/locales/<lang>/alerts.json under
 * `alerts.kinds.<kind>` (title, body; `{param}` placeholders filled from the notice's params),
 * so the browser and the e-mail templates say the same thing in the reader's language.
 */
export const ALERT_KINDS = {
  order_placed: { audience: 'admin', level: 'info', email: false },
  order_ready: { audience: 'customer', level: 'success', email: true },
  order_delayed: { audience: 'customer', level: 'warning', email: true },
  provisioning_failed: { audience: 'admin', level: 'error', email: true },
  intent_needs_review: { audience: 'admin', level: 'warning', email: true },
  server_suspended: { audience: 'customer', level: 'warning', email: true },
  server_unsuspended: { audience: 'customer', level: 'info', email: false },
  domain_expiring: { audience: 'everyone', level: 'warning', email: true },
  domain_expired: { audience: 'everyone', level: 'error', email: true },
  renewal_due: { audience: 'admin', level: 'warning', email: true },
  balance_low: { audience: 'admin', level: 'warning', email: true },
  sync_failing: { audience: 'admin', level: 'warning', email: false },
  provider_test_failed: { audience: 'admin', level: 'error', email: false },
  cancel_left_upstream: { audience: 'admin', level: 'warning', email: true },
  login_new_ip: { audience: 'everyone', level: 'info', email: true },
  invoice_issued: { audience: 'customer', level: 'info', email: true },
  invoice_paid: { audience: 'customer', level: 'success', email: true },
  invoice_due: { audience: 'customer', level: 'info', email: true },
  invoice_overdue: { audience: 'customer', level: 'warning', email: true },
  service_suspended_unpaid: { audience: 'customer', level: 'error', email: true },
  service_unsuspended: { audience: 'customer', level: 'success', email: true },
  termination_review: { audience: 'admin', level: 'warning', email: true },
  payment_needs_review: { audience: 'admin', level: 'warning', email: true },
} as const satisfies Record<string, { audience: 'admin' | 'customer' | 'everyone', level: 'info' | 'success' | 'warning' | 'error', email: boolean }>

export type AlertKind = keyof typeof ALERT_KINDS
export const ALERT_KIND_NAMES = Object.keys(ALERT_KINDS) as AlertKind[]
export type AlertParams = Record<string, string | number>

export function isAlertKind(k: unknown): k is AlertKind {
  return typeof k === 'string' && Object.hasOwn(ALERT_KINDS, k)
}

/** The kinds a user of this role can receive (and so choose channels for). */
export function kindsFor(role: 'admin' | 'customer'): AlertKind[] {
  return ALERT_KIND_NAMES.filter(k => ALERT_KINDS[k].audience === 'everyone' || (role === 'admin' ? true : ALERT_KINDS[k].audience === 'customer'))
}

/** Fills `{name}` placeholders; an unknown name stays as written, so a missing fact shows, not vanishes. */
export function fillPlaceholders(template: string, params: AlertParams): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => Object.hasOwn(params, name) ? String(params[name]) : m)
}
