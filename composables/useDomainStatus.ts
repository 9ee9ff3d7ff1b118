/**
 * One vocabulary for a domain's status, whatever the provider wrote ("active", "Active",
 * "pending_setup", "Pending", "not_renewing"): a translated word and one colour per status.
 * A status we do not know is shown as the provider wrote it, in grey.
 */
const COLORS = {
  active: 'success',
  pending: 'info',
  pending_setup: 'info',
  pending_verification: 'info',
  requested: 'info',
  not_renewing: 'warning',
  expired: 'error',
  suspended: 'error',
  failed: 'error',
  cancelled: 'grey',
  transferred: 'grey',
  deleted: 'grey',
} as const

type KnownStatus = keyof typeof COLORS

/** "Pending Setup", "pending-setup" and "pending_setup" are the same status. */
function known(status: string): KnownStatus | null {
  const key = status.trim().toLowerCase().replace(/[\s-]+/g, '_')
  if (key === 'canceled') return 'cancelled'
  return key in COLORS ? key as KnownStatus : null
}

export function useDomainStatus() {
  const { t } = useI18n()
  return {
    /** The same key for every spelling of one status, to filter and group by. */
    key: (status: string) => known(status) ?? status,
    label: (status: string) => {
      const k = known(status)
      return k ? t(`domain.status.${k}`) : status.replace(/_/g, ' ')
    },
    color: (status: string): string => {
      const k = known(status)
      return k ? COLORS[k] : 'grey'
    },
  }
}
