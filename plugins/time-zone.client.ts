/** After hydration, show times in the browser's own zone and remember it for the server's renders. */
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.hook('app:mounted', () => nuxtApp.runWithContext(() => {
    const own = validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone)
    if (!own) return
    const zone = useTimeZone()
    const cookie = useCookie<string | null>('tz', { maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
    if (cookie.value !== own) cookie.value = own
    if (zone.value !== own) zone.value = own
  }))
})
