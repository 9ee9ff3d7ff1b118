/**
 * What an admin does with a customer's money in the browser: refund part of a payment to the
 * customer's credit from the invoice page (a form, then a confirmation); on the users page, the
 * customer's billing dialog — credit after the refund, a top-up, a deduction with its reason
 * (confirmed first), credit terms on and off — and its empty and error states.
 */
import { randomUUID } from 'node:crypto'
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { animationsDone, ensureAdmin, fillStable, shot, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const stamp = Date.now().toString(36)
const CUSTOMER = { name: 'Rhea Refund', email: `rhea${stamp}@example.com`, password: 'rhea-password-123' }
const EMPTY = { name: 'Enzo Empty', email: `enzo${stamp}@example.com`, password: 'enzo-password-123' }
let invoiceId = ''

/** Critical and serious axe findings with a dialog open (the axe spec sees the pages, not their dialogs). */
async function axe(page: Page) {
  await animationsDone(page)
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).setLegacyMode().analyze()
  return violations.filter(v => v.impact === 'critical' || v.impact === 'serious').map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`)
}

async function openBilling(page: Page, who: { email: string }) {
  await page.goto('/users')
  const dialog = page.getByTestId('user-billing-dialog')
  // Other specs' users fill the first pages: search for this one. Typed and clicked again until
  // the dialog opens: before hydration the search is wiped and the button has no handler yet.
  await expect(async () => {
    await fillStable(page.getByTestId('users-search').locator('input'), who.email)
    await page.getByTestId(`user-billing-${who.email}`).click({ timeout: 2_000 })
    await expect(dialog).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  return dialog
}

test('an admin refunds part of a payment to the customer\'s credit, after confirming', async ({ page, browser }) => {
  await ensureAdmin(page)
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  for (const u of [CUSTOMER, EMPTY]) expect((await page.request.post('/api/users', { data: { ...u, role: 'customer' } })).status()).toBe(201)
  const plan = await page.request.post('/api/plans', { data: {
    name: `Refundable ${stamp}`, account: 'virtfusion', mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' },
    prices: [{ cycle: 'monthly', amount_minor: 1000, currency: 'EUR' }],
  } })
  expect(plan.status(), await plan.text()).toBe(201)
  // The customer orders (through the API: the order page has its own spec); the invoice waits.
  const ctx = await browser.newContext()
  const cust = await ctx.newPage()
  await signIn(cust, CUSTOMER)
  const placed = await cust.request.post('/api/orders', { data: { plan_id: (await plan.json()).id, template: '46', hostname: `rhea-${stamp}.example.com` }, headers: { 'Idempotency-Key': randomUUID() } })
  expect(placed.status(), await placed.text()).toBe(202)
  invoiceId = (await placed.json()).invoice_id
  await ctx.close()
  const paid = await page.request.post(`/api/invoices/${invoiceId}/payments`, { data: { amount_minor: 1000, reference: 'SEPA 77' }, headers: { 'Idempotency-Key': randomUUID() } })
  expect(paid.status(), await paid.text()).toBe(201)

  await page.goto(`/invoices/${invoiceId}`)
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid')
  await page.getByTestId('payment-refund').click()
  const dialog = page.getByTestId('refund-dialog')
  await expect(dialog).toContainText('€10.00 of this payment can be refunded.')
  await expect(dialog.getByTestId('refund-amount').locator('input')).toHaveValue('10.00')
  // More than is left is refused before anything is sent.
  await dialog.getByTestId('refund-amount').locator('input').fill('12.00')
  await expect(dialog.getByTestId('refund-next')).toBeDisabled()
  await dialog.getByTestId('refund-amount').locator('input').fill('4.00')
  await dialog.getByTestId('refund-reference').locator('input').fill('goodwill')
  await shot(page, 'billing-admin-refund-form')
  expect(await axe(page)).toEqual([])
  await dialog.getByTestId('refund-next').click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('Refund €4.00?')
  await expect(confirm).toContainText(`€4.00 goes to ${CUSTOMER.name}'s credit balance`)
  // Cancelling the confirmation refunds nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('invoice-payments').locator('tbody tr')).toHaveCount(1)
  await dialog.getByTestId('refund-next').click()
  await confirm.getByTestId('confirm-button').click()
  await expect(page.getByText('Refunded €4.00')).toBeVisible()
  await expect(page.getByTestId('invoice-payments').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('invoice-payments')).toContainText('-€4.00')
  await expect(page.getByTestId('invoice-payments')).toContainText('goodwill')
  // €6.00 is left of the payment: it can still be refunded.
  await page.getByTestId('payment-refund').click()
  await expect(page.getByTestId('refund-dialog').getByTestId('refund-amount').locator('input')).toHaveValue('6.00')
  await page.getByTestId('refund-dialog').getByRole('button', { name: 'Cancel' }).click()
  await shot(page, 'billing-admin-refunded')
})

test('the customer\'s billing dialog: credit from the refund, a top-up, a deduction with its reason, credit terms', async ({ page }) => {
  await ensureAdmin(page)
  const dialog = await openBilling(page, CUSTOMER)
  await expect(dialog.getByTestId('user-credit-EUR')).toHaveText('€4.00')
  await expect(dialog.getByTestId('user-credit-ledger')).toContainText('Refund')

  const form = dialog.getByTestId('user-credit-form')
  await form.getByTestId('credit-amount').locator('input').fill('10')
  await form.getByTestId('credit-reason').locator('input').fill('prepaid by wire')
  await form.getByTestId('credit-save').click()
  await expect(dialog.getByTestId('user-credit-EUR')).toHaveText('€14.00')
  await expect(dialog.getByTestId('user-credit-ledger')).toContainText('prepaid by wire')

  // An adjustment needs its reason; a deduction asks first.
  await form.getByTestId('credit-kind-adjustment').click()
  await form.getByTestId('credit-deduct').click()
  await form.getByTestId('credit-amount').locator('input').fill('2.50')
  await form.getByTestId('credit-save').click()
  await expect(form).toContainText('Say why the credit is adjusted')
  await form.getByTestId('credit-reason').locator('input').fill('duplicate top-up')
  await form.getByTestId('credit-save').click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('Deduct €2.50?')
  await confirm.getByTestId('confirm-button').click()
  await expect(dialog.getByTestId('user-credit-EUR')).toHaveText('€11.50')
  await expect(dialog.getByTestId('user-credit-ledger')).toContainText('Adjustment — duplicate top-up')
  // Taking more than the balance is refused, and the balance stays.
  await form.getByTestId('credit-amount').locator('input').fill('100')
  await form.getByTestId('credit-reason').locator('input').fill('too much')
  await form.getByTestId('credit-save').click()
  await confirm.getByTestId('confirm-button').click()
  await expect(form.getByTestId('credit-error')).toContainText('below zero')
  await expect(dialog.getByTestId('user-credit-EUR')).toHaveText('€11.50')

  const terms = dialog.getByTestId('user-credit-terms').locator('input')
  await expect(terms).not.toBeChecked()
  await terms.click()
  await expect(page.getByText(`${CUSTOMER.name} now has credit terms`)).toBeVisible()
  await shot(page, 'billing-admin-customer')
  expect(await axe(page)).toEqual([])
  await dialog.getByTestId('user-billing-close').click()
  // Saved: the dialog opened again (and the API) say so.
  const again = await openBilling(page, CUSTOMER)
  await expect(again.getByTestId('user-credit-terms').locator('input')).toBeChecked()
  const users = await (await page.request.get('/api/users')).json()
  const id = users.find((u: any) => u.email === CUSTOMER.email).id
  expect((await (await page.request.get(`/api/users/${id}/billing`)).json()).credit_terms).toBe(true)
  await again.getByTestId('user-credit-terms').locator('input').click()
  await expect(page.getByText(`${CUSTOMER.name} now pays before set-up`)).toBeVisible()
})

test('empty and error states of the billing dialog, on a phone in dark mode', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: 'dark' })
  const page = await ctx.newPage()
  await ensureAdmin(page)
  const dialog = await openBilling(page, EMPTY)
  await expect(dialog.getByTestId('user-billing-no-credit')).toBeVisible()
  await expect(dialog).toContainText('No credit changes yet.')
  await shot(page, 'billing-admin-customer-empty-mobile')
  expect(await axe(page)).toEqual([])
  await dialog.getByTestId('user-billing-close').click()
  await page.route(/\/api\/credit\?/, route => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'Database unavailable', code: 'internal' }) }))
  const failing = await openBilling(page, EMPTY)
  await expect(failing.getByTestId('user-billing-error')).toContainText('Database unavailable')
  await page.unroute(/\/api\/credit\?/)
  await failing.getByRole('button', { name: 'Retry' }).click()
  await expect(failing.getByTestId('user-billing-no-credit')).toBeVisible()
  await ctx.close()
})
