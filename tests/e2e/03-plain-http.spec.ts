/**
 * The panel opened over plain HTTP on a name that is not localhost (here `panel.test`, mapped to
 * 127.0.0.1 inside Chromium): a browser drops `Secure` cookies there, so the session cookie must
 * not be `Secure` on such a request, and the sign-in page says the connection is not encrypted.
 */
import { expect, test } from '@playwright/test'
import { ADMIN, shot, signIn } from './helpers'

const PORT = Number(process.env.E2E_PORT ?? 3457)
const ORIGIN = `http://panel.test:${PORT}`

test.use({
  baseURL: ORIGIN,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP panel.test 127.0.0.1'],
  },
})

test.describe('on panel.test', () => {
  // The config names 127.0.0.1 as every request's Origin (for page.request); here the page is
  // panel.test, and its own script and sign-in requests must carry that origin.
  test.use({ extraHTTPHeaders: { origin: ORIGIN } })

  test('over plain HTTP on a LAN name: the page warns, and sign-in works', async ({ page, context }) => {
    // The test process cannot resolve panel.test: set the app up on its loopback address.
    const local = `http://127.0.0.1:${PORT}`
    const status = await (await fetch(`${local}/api/setup/status`)).json()
    if (status.needs_setup) await fetch(`${local}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })

    await page.goto('/login')
    const notice = page.getByTestId('login-insecure')
    await expect(notice).toBeVisible()
    await expect(notice).toContainText(`panel.test:${PORT}`)
    await page.setViewportSize({ width: 390, height: 844 })
    await shot(page, 'login-insecure-origin')

    await signIn(page)
    const session = (await context.cookies(ORIGIN)).find(c => c.name === 'nuxt-session')
    expect(session?.secure).toBe(false)
    await page.goto('/servers')
    await expect(page).toHaveURL(`${ORIGIN}/servers`)
    expect(await page.evaluate(() => fetch('/api/auth/me').then(r => r.status))).toBe(200)
  })
})

test('on localhost there is no warning', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORT}/login`)
  await expect(page.getByTestId('login-card')).toBeVisible()
  await expect.poll(() => page.evaluate(() => !!(document.querySelector('#__nuxt') as { __vue_app__?: unknown } | null)?.__vue_app__)).toBe(true)
  await expect(page.getByTestId('login-insecure')).toHaveCount(0)
})
