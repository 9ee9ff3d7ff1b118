/**
 * Online payments (issue 18): an admin connects the sandbox's Stripe stand-in in one click and
 * sees only masked keys; a customer orders, pays on the stand-in's Checkout page, comes back to
 * the paid invoice and finds the server. Screenshots: desktop, 390 px phone, dark, Russian.
 */
import { expect, test } from '@playwright/test'
import { animationsDone, ensureAdmin, SANDBOX_ORIGIN, shot, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const stamp = Date.now().toString(36)
const CUSTOMER = { name: 'Paula Pay', email: `paula${stamp}@example.com`, password: 'paula-password-123' }
const PLAN = `Stripe S ${stamp}`
const HOST = `paula-${stamp}.example.com`

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

test('a customer orders, pays on the Stripe Checkout page, and comes back to the paid invoice and the server', async ({ page, browser }) => {
  // Provisioning after the payment queues behind the other suites' jobs on a loaded machine.
  test.setTimeout(300_000)
  await ensureAdmin(page)
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  expect((await page.request.post('/api/admin/payments/gateway/sandbox')).ok()).toBe(true)
  expect((await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })).status()).toBe(201)
  const plan = await page.request.post('/api/plans', { data: {
    name: PLAN, description: '1 vCPU, 1 GB RAM', account: 'virtfusion', mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' },
    prices: [{ cycle: 'monthly', amount_minor: 1250, currency: 'EUR' }],
  } })
  expect(plan.status(), await plan.text()).toBe(201)

  const ctx = await browser.newContext()
  const cust = await ctx.newPage()
  await signIn(cust, CUSTOMER)
  await cust.goto('/order')
  await cust.getByTestId(`order-plan-${PLAN}`).click()
  await cust.getByTestId('order-template').click()
  await cust.getByRole('option', { name: /Debian 12/ }).click()
  await cust.getByTestId('order-hostname').locator('input').fill(HOST)
  await cust.getByTestId('order-submit').click()
  await expect(cust).toHaveURL(/\/orders\/[0-9a-f-]{36}$/)
  await cust.getByTestId('order-invoice-link').click()
  await expect(cust).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/)
  const invoiceUrl = cust.url()
  await expect(cust.getByTestId('invoice-status')).toHaveText('Open')
  await shot(cust, 'payments-invoice-open')

  await cust.getByTestId('invoice-pay').click()
  await expect(cust).toHaveURL(new RegExp(`^${SANDBOX_ORIGIN}/stripe/checkout/pay/cs_test_`))
  await expect(cust.getByLabel('Total')).toHaveText('€12.50')
  await shot(cust, 'payments-stripe-checkout')
  await cust.getByRole('button', { name: 'Pay' }).click()

  await expect(cust).toHaveURL(`${invoiceUrl}?checkout=success`)
  await expect(cust.getByTestId('invoice-status')).toHaveText('Paid')
  await expect(cust.getByTestId('checkout-return')).toContainText('payment is recorded')
  await expect(cust.getByTestId('invoice-pay')).toHaveCount(0)
  await animationsDone(cust)
  await shot(cust, 'payments-invoice-paid')

  // The payment starts provisioning; the list shows the server once the order is done (the page
  // reads the list when it opens), so wait on the order, not on a page that will not reload.
  await expect.poll(async () => {
    const body = await (await cust.request.get('/api/orders')).json()
    return ((body.items ?? body) as { hostname: string, status: string }[]).find(o => o.hostname === HOST)?.status
  }, { timeout: 180_000 }).toBe('completed')
  await cust.goto('/servers')
  await expect(cust.getByText(HOST)).toBeVisible({ timeout: 30_000 })
  await ctx.close()
})
