import { expect, test } from '@playwright/test'
import { ADMIN, SANDBOX_ORIGIN, ensureAdmin, shot } from './helpers'

test.describe.configure({ mode: 'serial' })

test('first-run setup creates the admin and signs them in', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/setup/)
  await expect(page.getByTestId('setup-card')).toBeVisible()
  await shot(page, 'setup')
  await page.getByTestId('setup-name').locator('input').fill(ADMIN.name)
  await page.getByTestId('setup-email').locator('input').fill(ADMIN.email)
  await page.getByTestId('setup-password').locator('input').fill('short')
  await page.getByTestId('setup-submit').click()
  // Checked before anything is sent: the reason shows on the field itself.
  await expect(page.getByTestId('setup-password')).toContainText('at least 12 characters')
  await expect(page.getByTestId('form-error')).toHaveCount(0)
  await page.getByTestId('setup-password').locator('input').fill(ADMIN.password)
  await page.getByTestId('setup-submit').click()
  await expect(page).toHaveURL(/\/providers/)
  await expect(page.getByTestId('providers-empty')).toBeVisible()
  await shot(page, 'providers-empty')
})

// Runs here, where the spine's fresh database has no provider account yet: always, in every run.
test('without provider accounts, /servers points to Providers', async ({ page }) => {
  await ensureAdmin(page)
  expect(await (await page.request.get('/api/hosting/providers')).json()).toEqual([])
  await page.goto('/servers')
  await expect(page.getByTestId('servers-no-providers')).toBeVisible()
  await shot(page, 'servers-no-providers')
  await page.getByTestId('go-providers').click()
  await expect(page).toHaveURL(/\/providers/)
})

test('sign in, add a sandbox provider through the dialog, test it, see the toast', async ({ page }) => {
  await page.context().clearCookies()
  await page.goto('/providers')
  await expect(page).toHaveURL(/\/login/)
  await shot(page, 'login')
  await ensureAdmin(page)
  await page.goto('/providers')

  await page.getByTestId('add-provider').click()
  const dialog = page.getByTestId('provider-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('provider-type').click()
  await page.getByRole('option', { name: 'Virtua.cloud' }).click()
  await expect(dialog.getByTestId('provider-slug').locator('input')).toHaveValue('virtua')
  await dialog.getByTestId('cred-api_key').locator('input').fill('virtua-sandbox-key-0001')
  await dialog.getByTestId('setting-base_url').locator('input').fill(`${SANDBOX_ORIGIN}/virtua`)
  await shot(page, 'provider-dialog')
  await dialog.getByTestId('provider-save').click()

  // Saving tests the connection at once.
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Virtua.cloud connection successful' })).toBeVisible()
  const row = page.getByTestId('provider-row-virtua')
  await expect(row.getByTestId('provider-status')).toHaveText(/Connected/)
  await expect(row).not.toContainText('virtua-sandbox-key-0001')
  await expect(row).toContainText('••••0001')
  await shot(page, 'providers-one')
})

test('saving without the required fields names and marks each of them', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/providers')
  await page.getByTestId('add-provider').click()
  const dialog = page.getByTestId('provider-dialog')
  await dialog.getByTestId('provider-type').click()
  await page.getByRole('option', { name: 'Inferno' }).click()
  await expect(dialog.getByTestId('setting-cid')).toContainText('Your Inferno customer number')
  await dialog.getByTestId('provider-save').click()
  await expect(dialog.getByTestId('form-error')).toHaveText('Fill in: API key, Client ID')
  await expect(dialog.getByTestId('cred-api_key')).toContainText('Enter the API key')
  await expect(dialog.getByTestId('setting-cid')).toContainText('Enter the Client ID')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('provider-row-inferno')).toHaveCount(0)
})

test('a failing connection test shows an error toast and a notification', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/providers')
  await page.getByTestId('edit-virtua').click()
  const dialog = page.getByTestId('provider-dialog')
  await dialog.getByTestId('cred-api_key').locator('input').fill('a-wrong-key-9999')
  await dialog.getByTestId('provider-save').click()
  await expect(page.getByTestId('toast-error')).toContainText(/Virtua\.cloud rejected the credentials/)
  await expect(page.getByTestId('provider-row-virtua').getByTestId('provider-status')).toHaveText(/Failing/)

  await expect(page.getByTestId('notifications-badge')).toBeVisible()
  await page.getByTestId('notifications-button').click()
  const panel = page.getByTestId('notification-panel')
  await expect(panel.getByTestId('notification-item').first()).toContainText('Connection test failed')
  await shot(page, 'notifications')
  await panel.getByTestId('notifications-read-all').click()
  await expect(page.getByTestId('notifications-badge')).toBeHidden()
  await page.keyboard.press('Escape')
})

test('one click connects all four sandbox providers; the capability matrix shows them', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/providers')
  await page.getByTestId('try-sandbox').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: '4 of 4 sandbox providers connected' })).toBeVisible({ timeout: 30_000 })
  for (const slug of ['virtfusion', 'virtua', 'hostinger', 'inferno']) {
    await expect(page.getByTestId(`provider-row-${slug}`).getByTestId('provider-status')).toHaveText(/Connected/)
  }
  await expect(page.getByTestId('capability-matrix')).toContainText('Inferno')
  // Every kind has an account now: the offer is gone, and the legend says what the icons mean.
  await expect(page.getByTestId('try-sandbox')).toBeHidden()
  await expect(page.getByTestId('capability-legend')).toContainText('Not supported')
  await shot(page, 'providers-all')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, 'providers-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'providers-mobile-dark')
})
