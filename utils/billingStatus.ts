/**
 * A subscription's or a provider order's status as the provider writes it ("Active", "active",
 * "not_renewing", "Pending") in our one vocabulary: the message key and one colour a word. A word
 * we do not know yet is shown as the provider wrote it.
 */
const COLORS: Record<string, string> = {
  active: 'success',
  paid: 'success',
  completed: 'success',
  pending: 'warning',
  pending_setup: 'primary',
  unpaid: 'warning',
  not_renewing: 'warning',
  suspended: 'warning',
  expired: 'error',
  failed: 'error',
  fraud: 'error',
  cancelled: 'grey',
  terminated: 'grey',
}

export function billingStatus(raw: string | null | undefined): { key: string, color: string } | null {
  const word = (raw ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_')
  const known = word === 'canceled' ? 'cancelled' : word
  const color = COLORS[known]
  return color ? { key: `billingStatus.${known}`, color } : null
}
