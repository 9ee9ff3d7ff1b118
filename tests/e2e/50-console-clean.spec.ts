/**
 * The main pages, as an admin with the sandbox providers connected, open with nothing on the
 * browser console: no error, no warning (Vue's hydration mismatches included), no uncaught error.
 */
import { expect, test, type Page } from '@playwright/test'
import { ensureAdmin, signIn } from './helpers'

const hydrated = (page: Page) => page.evaluate(() => {
  const app = (document.querySelector('#__nuxt') as { __vue_app__?: { $nuxt?: { isHydrating?: boolean } } } | null)?.__vue_app__
  return !!app && app.$nuxt?.isHydrating === false
})

test('no console error or warning on the main pages', async ({ page }) => {
  test.setTimeout(240_000)
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()} on ${new URL(page.url()).pathname}: ${m.text()}`)
  })
  page.on('pageerror', e => problems.push(`uncaught on ${new URL(page.url()).pathname}: ${e.message}`))

  // Data on every page: the sandbox accounts (connected once; other specs may have done it).
  await ensureAdmin(page)
  const accounts = await (await page.request.get('/api/hosting/providers')).json() as { type: string }[]
  if (accounts.length === 0) expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  await expect.poll(async () => ((await (await page.request.get('/api/servers')).json()).items ?? []).length, { timeout: 60_000 }).toBeGreaterThan(0)
  const server = (await (await page.request.get('/api/servers')).json()).items[0] as { id: string }
  const zone = ((await (await page.request.get('/api/dns/zones')).json()).zones as { provider: string, domain: string }[])[0]
  const domain = ((await (await page.request.get('/api/domains')).json()).domains as { account: { slug: string }, name: string }[])[0]

  // Leave the page first: its own requests still in flight would answer 401 once the cookie is gone.
  await page.goto('about:blank')
  await page.context().clearCookies()
  await signIn(page)
  const paths = [
    '/', '/servers', `/servers/${server.id}`, '/servers/new',
    '/dns', zone && `/dns/${zone.provider}/${zone.domain}`,
    '/domains', domain && `/domains/${domain.account.slug}/${domain.name}`, '/domains/register',
    '/ssh-keys', '/billing', '/providers', '/users', '/plans', '/orders', '/account/tokens',
  ].filter((p): p is string => !!p)
  for (const path of paths) {
    await page.goto(path)
    await expect.poll(() => hydrated(page), { message: `${path} hydrates` }).toBe(true)
    await page.waitForLoadState('networkidle')
  }
  // Dark mode renders from the server too (the theme cookie); it must hydrate the same.
  await page.context().addCookies([{ name: 'theme', value: 'dark', url: new URL(page.url()).origin }])
  for (const path of ['/', '/servers']) {
    await page.goto(path)
    await expect.poll(() => hydrated(page)).toBe(true)
    await page.waitForLoadState('networkidle')
  }
  // The sign-in page itself, signed out.
  await page.goto('about:blank')
  await page.context().clearCookies()
  await page.goto('/login')
  await expect.poll(() => hydrated(page)).toBe(true)

  expect(problems).toEqual([])
})
