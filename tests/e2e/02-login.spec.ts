/**
 * The sign-in form on a slow device or a busy machine: what is typed before the page hydrates
 * is kept, the button waits for the app, and signing in works on the first try under load.
 */
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { expect, test, type Page } from '@playwright/test'
import { ADMIN, signIn } from './helpers'

/** Specs may run alone: set the app up through the API, then start signed out. */
async function setUpSignedOut(page: Page) {
  const status = await (await page.request.get('/api/setup/status')).json()
  if (status.needs_setup) expect((await page.request.post('/api/setup', { data: ADMIN })).ok()).toBe(true)
  await page.context().clearCookies()
}

const hydrated = (page: Page) => page.evaluate(() => !!(document.querySelector('#__nuxt') as { __vue_app__?: unknown } | null)?.__vue_app__)

test('what is typed before the page hydrates is kept, and the button waits for the app', async ({ page }) => {
  await setUpSignedOut(page)
  // Hold every script back: the page is the server's HTML only, as on a slow phone.
  let release!: () => void
  const scriptsMayLoad = new Promise<void>((resolve) => { release = resolve })
  await page.route(/\/_nuxt\/.*\.m?js(\?|$)/, async (route) => { await scriptsMayLoad; await route.continue() })

  await page.goto('/login', { waitUntil: 'commit' })
  await page.getByTestId('login-email').locator('input').fill(ADMIN.email)
  await page.getByTestId('login-password').locator('input').fill(ADMIN.password)
  expect(await hydrated(page)).toBe(false)
  // A click or Enter now would send a plain HTML form (a reload that loses everything).
  await expect(page.getByTestId('login-submit')).toBeDisabled()

  release()
  await expect.poll(() => hydrated(page)).toBe(true)
  await expect(page.getByTestId('login-email').locator('input')).toHaveValue(ADMIN.email)
  await page.getByTestId('login-submit').click()
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByTestId('nav-drawer')).toBeVisible()
})

test('signs in on the first try while every core is kept busy', async ({ page }) => {
  await setUpSignedOut(page)
  const logins: number[] = []
  page.on('response', (r) => { if (r.url().endsWith('/api/auth/login')) logins.push(r.status()) })
  // One CPU-burning process per core, for the length of the sign-in only.
  const burners = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
  try {
    await expect.poll(() => burners.every(b => b.pid !== undefined && b.exitCode === null)).toBe(true)
    await signIn(page)
    await expect(page.getByTestId('nav-drawer')).toBeVisible()
  }
  finally {
    for (const b of burners) b.kill('SIGKILL')
  }
  expect(logins).toEqual([200])
  await expect(page.getByTestId('form-error')).toHaveCount(0)
})
