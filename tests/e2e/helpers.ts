import { expect, type Locator, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'

export const ADMIN = { name: 'Erin Admin', email: 'erin@example.com', password: 'e2e-password-123' }
export const SANDBOX_ORIGIN = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4458}`

/** Screenshots land in .data/screenshots so a person can look at each page. */
export async function shot(page: Page, name: string) {
  mkdirSync('.data/screenshots', { recursive: true })
  await page.screenshot({ path: `.data/screenshots/${name}.png`, fullPage: true })
}

/**
 * Until no finite CSS transition or animation runs (a menu's fade, a step's slide), e.g. before a
 * screenshot. Endless ones (a spinner) are not waited for.
 */
export async function animationsDone(page: Page) {
  await page.waitForFunction(() => document.getAnimations()
    .filter(a => a.effect?.getTiming().iterations !== Infinity)
    .every(a => a.playState !== 'running'))
}

/**
 * Waits until the page has hydrated: a button the server rendered does nothing when clicked
 * before then (on a loaded CI machine, a click right after `goto` can land that early).
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const app = (document.querySelector('#__nuxt') as { __vue_app__?: { $nuxt?: { isHydrating?: boolean } } } | null)?.__vue_app__
    return !!app && app.$nuxt?.isHydrating === false
  })
}

/**
 * Fills an input until the value sticks: before hydration finishes, Vue re-renders the server's
 * markup and wipes what was typed. Not needed for the sign-in form any more (it keeps early input),
 * kept for other forms.
 */
export async function fillStable(input: Locator, value: string) {
  await expect(async () => {
    await input.fill(value)
    await expect(input).toHaveValue(value, { timeout: 500 })
  }).toPass({ timeout: 15_000 })
}

/**
 * The one way every spec signs in: through the form, once, no retries. The form keeps what is
 * typed before the page hydrates, and its button is disabled until then (pages/login.vue), so
 * the click waits for hydration on its own, on a busy machine too (02-login proves both).
 */
export async function signIn(page: Page, who: { email: string, password: string, name?: string } = ADMIN) {
  await page.goto('/login')
  await page.getByTestId('login-email').locator('input').fill(who.email)
  await page.getByTestId('login-password').locator('input').fill(who.password)
  await page.getByTestId('login-submit').click()
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 })
}

/** Sets the app up through the API if the setup page was not walked yet (specs may run alone). */
export async function ensureAdmin(page: Page) {
  const status = await (await page.request.get('/api/setup/status')).json()
  if (status.needs_setup) await page.request.post('/api/setup', { data: ADMIN })
  await signIn(page)
}
