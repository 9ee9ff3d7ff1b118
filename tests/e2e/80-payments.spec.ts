/**
 * Online payments (issue 18): an admin connects the sandbox's Stripe stand-in in one click and
 * sees only masked keys. Screenshots: desktop, 390 px phone, dark, Russian.
 */
import { expect, test } from '@playwright/test'
import { animationsDone, ensureAdmin, shot } from './helpers'

test('an admin connects the sandbox Stripe and sees masked keys; renewal settings and "run billing now"', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/admin/payments')
  await expect(page.getByRole('heading', { name: 'Online payments and renewals' })).toBeVisible()
  const card = page.getByTestId('payment-gateway-card')
  await card.getByTestId('payment-use-sandbox').click()
  await expect(card.getByTestId('payment-gateway-state')).toContainText('Sandbox stand-in')
  await expect(card.getByTestId('payment-gateway-state')).toContainText('Online payment on')
  await expect(card.getByTestId('payment-secret-key').locator('input')).toHaveAttribute('placeholder', /^••••\w{4}$/)
  await expect(card.getByTestId('payment-webhook-secret').locator('input')).toHaveAttribute('placeholder', /^••••\w{4}$/)
  await expect(page.locator('body')).not.toContainText('sk_test_sandbox')

  const renewals = page.getByTestId('payment-renewals-card')
  await renewals.getByTestId('payment-run-billing').click()
  await expect(renewals.getByTestId('payment-run-result')).toContainText('Invoices issued')
  await animationsDone(page)
  await shot(page, 'payments-admin-desktop')
  await page.setViewportSize({ width: 390, height: 844 })
  await animationsDone(page)
  await shot(page, 'payments-admin-phone')
  await page.getByTestId('theme-toggle').click()
  await animationsDone(page)
  await shot(page, 'payments-admin-phone-dark')
  await page.getByTestId('theme-toggle').click()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.context().addCookies([{ name: 'i18n_locale', value: 'ru', url: test.info().project.use.baseURL! }])
  await page.goto('/admin/payments')
  await expect(page.getByRole('heading', { name: 'Онлайн-оплата и продления' })).toBeVisible()
  await animationsDone(page)
  await shot(page, 'payments-admin-ru')
  await page.context().addCookies([{ name: 'i18n_locale', value: 'en', url: test.info().project.use.baseURL! }])
})
