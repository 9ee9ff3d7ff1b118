/**
 * First run → /setup; signed out → /login; customers opening an admin page (`meta.admin`) get the
 * 403 page (error.vue), status 403 on a server render.
 * The API enforces all of this too; this only keeps people on pages they can use.
 */
import type { SetupStatus } from '~~/shared/schemas/users'

export default defineNuxtRouteMiddleware(async (to) => {
  const { loggedIn, user, fetch } = useUserSession()
  const setup = useState<boolean | null>('needs-setup', () => null)
  if (setup.value === null || setup.value) {
    const res = await $fetch<SetupStatus>('/api/setup/status').catch((): SetupStatus => ({ needs_setup: false }))
    setup.value = res.needs_setup
  }
  if (setup.value) return to.path === '/setup' ? undefined : navigateTo('/setup')
  if (to.path === '/setup') return navigateTo(loggedIn.value ? '/' : '/login')
  if (to.meta.public) return
  if (!loggedIn.value) await fetch()
  if (!loggedIn.value) return navigateTo({ path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : undefined })
  // An admin who must set up 2FA (admin setting) can use nothing else until they have.
  if (user.value?.must_enroll_totp && to.path !== '/account/security') return navigateTo('/account/security')
  // Said, not a silent redirect. Fatal, so a client-side navigation shows the error page too (a
  // non-fatal error only cancels it); the server renders it either way.
  if (to.meta.admin && user.value?.role !== 'admin') return abortNavigation(createError({ statusCode: 403, statusMessage: 'Forbidden', fatal: true }))
})
