/**
 * Two-factor sign-in, as a person does it: set up TOTP on the Security page (the secret read off
 * the page, as an app would scan it), sign out, and sign in again with a code.
 */
import { expect, test } from '@playwright/test'
import { generate } from 'otplib'
import { ADMIN, ensureAdmin, fillStable, shot, signIn } from './helpers'

test('enable 2FA from the Security page, sign out, sign in with a code', async ({ page }) => {
  test.setTimeout(150_000)
  await ensureAdmin(page)
  const who = { name: 'Tess Totp', email: `tess-${Date.now()}@example.com`, password: 'tess-two-factor-pass' }
  expect((await page.request.post('/api/users', { data: { ...who, role: 'customer' } })).status()).toBe(201)
  await page.context().clearCookies()
  await signIn(page, who)

  await page.getByTestId('user-menu').click()
  await page.getByTestId('nav-security').click()
  await expect(page).toHaveURL(/\/account\/security/)
  await expect(page.getByTestId('totp-status')).toHaveText('Off')
  await expect(page.getByTestId('session-row')).toHaveCount(1)
  await expect(page.getByTestId('session-row')).toContainText('This browser')

  await page.getByTestId('totp-start').click()
  await expect(page.getByTestId('totp-qr')).toBeVisible()
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
  await shot(page, 'security-totp-setup')
  const enableCode = await generate({ secret })
  await fillStable(page.getByTestId('totp-code').locator('input'), enableCode)
  await page.getByTestId('totp-enable').click()
  const codes = page.getByTestId('recovery-codes').locator('code')
  await expect(codes).toHaveCount(10)
  await expect(page.getByTestId('totp-status')).toHaveText('On')
  await shot(page, 'security-recovery-codes')
  await page.getByTestId('recovery-codes-done').click()
  await expect(page.getByTestId('recovery-codes')).toHaveCount(0)

  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await expect(page).toHaveURL(/\/login/)

  // The password alone is not enough any more: the form asks for the code.
  await page.waitForLoadState('networkidle')
  await fillStable(page.getByTestId('login-email').locator('input'), who.email)
  await fillStable(page.getByTestId('login-password').locator('input'), who.password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('login-code')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
  await shot(page, 'login-totp-step')
  // Each 30-second code works once; the one used to turn 2FA on is spent, so wait for the next.
  let code = enableCode
  await expect.poll(async () => (code = await generate({ secret })), { timeout: 40_000, intervals: [1000] }).not.toBe(enableCode)
  await fillStable(page.getByTestId('login-code').locator('input'), code)
  await page.getByTestId('login-submit').click()
  await expect(page).not.toHaveURL(/\/login/)
  await page.goto('/account/security')
  await expect(page.getByTestId('totp-status')).toHaveText('On')
  await page.context().clearCookies()
})

test('a credential edit asks to confirm the password when the last one is old, then saves', async ({ page }) => {
  await ensureAdmin(page)
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  expect((await page.request.post('/api/_test/session-reauth-age', { data: { seconds: 3600 } })).ok()).toBe(true)

  await page.goto('/providers')
  await page.getByTestId('edit-virtua').click()
  const dialog = page.getByTestId('provider-dialog')
  await fillStable(dialog.getByTestId('cred-api_key').locator('input'), 'virtua-sandbox-key-0001')
  await dialog.getByTestId('provider-save').click()

  const reauth = page.getByTestId('reauth-dialog')
  await expect(reauth).toBeVisible()
  await fillStable(reauth.getByTestId('reauth-password').locator('input'), 'not-my-password')
  await reauth.getByTestId('reauth-submit').click()
  await expect(reauth.getByTestId('reauth-error')).toContainText('The password is wrong')
  await shot(page, 'reauth-dialog')
  await fillStable(reauth.getByTestId('reauth-password').locator('input'), ADMIN.password)
  await reauth.getByTestId('reauth-submit').click()
  await expect(reauth).toBeHidden()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'saved' })).toBeVisible()
})
