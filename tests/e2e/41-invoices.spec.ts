/**
 * Customer billing end to end: a customer orders a priced plan and sees its open invoice; an
 * admin records the bank transfer; the customer sees the invoice paid and the server set up.
 */
import { expect, test } from '@playwright/test'
import { ensureAdmin, shot, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const stamp = Date.now().toString(36)
const CUSTOMER = { name: 'Ivy Invoice', email: `ivy${stamp}@example.com`, password: 'ivy-password-123' }
const PLAN = `Billed S ${stamp}`
const HOST = `ivy-${stamp}.example.com`
let invoiceUrl = ''
let orderUrl = ''

test('a customer orders a priced plan and sees the open invoice', async ({ page, browser }) => {
  await ensureAdmin(page)
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  expect((await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })).status()).toBe(201)
  const plan = await page.request.post('/api/plans', { data: {
    name: PLAN, description: '1 vCPU, 1 GB RAM', account: 'virtfusion', mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' },
    prices: [{ cycle: 'monthly', amount_minor: 900, currency: 'EUR', setup_fee_minor: 100 }, { cycle: 'yearly', amount_minor: 9000, currency: 'EUR' }],
  } })
  expect(plan.status(), await plan.text()).toBe(201)

  const ctx = await browser.newContext()
  const cust = await ctx.newPage()
  await signIn(cust, CUSTOMER)
  await cust.goto('/order')
  await cust.getByTestId(`order-plan-${PLAN}`).click()
  await expect(cust.getByTestId(`order-plan-price-${PLAN}`)).toHaveText('€9.00 / month')
  await expect(cust.getByTestId('order-cycle-yearly')).toBeVisible()
  await cust.getByTestId('order-template').click()
  await cust.getByRole('option', { name: /Debian 12/ }).click()
  await cust.getByTestId('order-hostname').locator('input').fill(HOST)
  await shot(cust, 'invoices-order-cycles')
  await cust.getByTestId('order-submit').click()
  await expect(cust).toHaveURL(/\/orders\/[0-9a-f-]{36}$/)
  orderUrl = cust.url()
  await expect(cust.getByTestId('order-awaiting-payment')).toBeVisible()
  await cust.getByTestId('order-invoice-link').click()
  await expect(cust).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/)
  invoiceUrl = cust.url()
  await expect(cust.getByTestId('invoice-status')).toHaveText('Open')
  await expect(cust.getByTestId('invoice-view-total')).toHaveText('€10.00')
  await expect(cust.getByTestId('invoice-pay')).toHaveCount(0)
  await shot(cust, 'invoices-view-open')
  await cust.goto('/invoices')
  await expect(cust.getByTestId('invoices-open-alert')).toBeVisible()
  await expect(cust.getByTestId('invoice-list')).toContainText('€10.00')
  await shot(cust, 'invoices-list-customer')
  await ctx.close()
})

test('an admin records the payment; the customer sees it paid and the server set up', async ({ page, browser }) => {
  await ensureAdmin(page)
  await page.goto('/admin/invoices')
  await page.getByTestId('invoice-filter-open').click()
  await expect(page.getByTestId('invoice-list')).toContainText(CUSTOMER.email)
  await shot(page, 'invoices-admin')
  await page.goto(invoiceUrl)
  await page.getByTestId('invoice-record-payment').click()
  const dialog = page.getByTestId('payment-dialog')
  await expect(dialog.getByTestId('payment-amount').locator('input')).toHaveValue('10.00')
  await dialog.getByTestId('payment-reference').locator('input').fill('SEPA 4711')
  await dialog.getByTestId('payment-save').click()
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid')
  await expect(page.getByTestId('invoice-payments')).toContainText('SEPA 4711')
  await shot(page, 'invoices-view-paid-admin')

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const cust = await ctx.newPage()
  await signIn(cust, CUSTOMER)
  await cust.goto(invoiceUrl)
  await expect(cust.getByTestId('invoice-status')).toHaveText('Paid')
  await shot(cust, 'invoices-view-paid-mobile')
  await cust.goto(orderUrl)
  await expect(cust.getByTestId('order-status')).toHaveText(/Ready/, { timeout: 90_000 })
  await expect(cust.getByTestId('order-server-link')).toBeVisible()
  await cust.goto('/invoices')
  await expect(cust.getByTestId('credit-card')).toContainText('Bank transfer')
  await shot(cust, 'invoices-list-mobile')
  await ctx.close()
})
