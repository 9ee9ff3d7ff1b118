/**
 * First run → /setup; signed out → /login; customers never see admin pages (`meta.admin`).
 * The API enforces all of this too; this only keeps people on pages they can use.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const { loggedIn, user, fetch } = useUserSession()
  const setup = useState<boolean | null>('needs-setup', () => null)
  if (setup.value === null || setup.value) {
    const res = await $fetch<{ needsSetup: boolean }>('/api/setup/status').catch(() => ({ needsSetup: false }))
    setup.value = res.needsSetup
  }
  if (setup.value) return to.path === '/setup' ? undefined : navigateTo('/setup')
  if (to.path === '/setup') return navigateTo(loggedIn.value ? '/' : '/login')
  if (to.meta.public) return
  if (!loggedIn.value) await fetch()
  if (!loggedIn.value) return navigateTo({ path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : undefined })
  // An admin who must set up 2FA (admin setting) can use nothing else until they have.
  if (user.value?.mustEnrollTotp && to.path !== '/account/security') return navigateTo('/account/security')
  if (to.meta.admin && user.value?.role !== 'admin') return navigateTo('/')
})
