/**
 * Dates, times, numbers and money in the chosen language, rendered the same on the server and in
 * the browser: both format with the same locale and the same time zone (useTimeZone), so the
 * hydrating page matches what the server sent.
 */
import { formatDay, formatMinor, formatMoney, formatMoneyShort } from '~~/shared/billing/format'

type When = string | number | Date | null | undefined

export function useFormat() {
  const { locale, t } = useI18n()
  const timeZone = useTimeZone()
  const intlDate = (opts: Intl.DateTimeFormatOptions) => (when: When) => {
    if (when === null || when === undefined || when === '') return ''
    const d = when instanceof Date ? when : new Date(when)
    if (Number.isNaN(d.getTime())) return String(when)
    return new Intl.DateTimeFormat(locale.value, { ...opts, timeZone: timeZone.value }).format(d)
  }
  return {
    /** "30 Nov 2026, 16:48" */
    dateTime: intlDate({ dateStyle: 'medium', timeStyle: 'short' }),
    /** "30 Nov 2026" */
    date: intlDate({ dateStyle: 'medium' }),
    /** "16:48:05" */
    time: intlDate({ timeStyle: 'medium' }),
    /** A calendar day (renewal, expiry) read in UTC, so "2025-06-16" stays the 16th everywhere. */
    day: (iso: string | null) => formatDay(iso, locale.value),
    number: (n: number | null | undefined, opts?: Intl.NumberFormatOptions) =>
      n === null || n === undefined ? '—' : new Intl.NumberFormat(locale.value, opts).format(n),
    money: (amount: number | null | undefined, currency: string | null | undefined) => formatMoney(amount, currency, locale.value),
    /** Minor units (customer billing) as money: 1234 EUR → "€12.34". */
    minor: (amountMinor: number | null | undefined, currency: string) => formatMinor(amountMinor, currency, locale.value),
    moneyShort: (amount: number, currency: string) => formatMoneyShort(amount, currency, locale.value),
    /** "just now", "2 min ago", "3 h ago", "4 d ago"; "never" without a time. */
    ago: (iso: string | null | undefined, now = Date.now()) => {
      if (!iso) return t('common.never')
      const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000))
      if (s < 45) return t('common.timeAgo.justNow')
      const m = Math.round(s / 60)
      if (m < 60) return t('common.timeAgo.minutes', { n: m })
      const h = Math.round(m / 60)
      if (h < 48) return t('common.timeAgo.hours', { n: h })
      return t('common.timeAgo.days', { n: Math.round(h / 24) })
    },
  }
}
