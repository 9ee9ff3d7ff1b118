/**
 * The time zone dates are shown in: the browser's, remembered in a cookie so the server renders
 * the same times. On a first visit (no cookie yet) both render UTC, and the browser switches to
 * its own zone after hydration (plugins/time-zone.client.ts), so the two never disagree mid-hydration.
 */
export function useTimeZone() {
  const cookie = useCookie<string | null>('tz', { maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
  return useState<string>('time-zone', () => validTimeZone(cookie.value) ?? 'UTC')
}

/** The zone if Intl knows it; a cookie is user input. */
export function validTimeZone(tz: string | null | undefined): string | null {
  if (!tz || tz.length > 64) return null
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return tz
  }
  catch {
    return null
  }
}
