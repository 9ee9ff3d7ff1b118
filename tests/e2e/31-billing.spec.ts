import { expect, test, type Page } from '@playwright/test'
import { SANDBOX_ORIGIN, ensureAdmin, shot } from './helpers'

test.describe.configure({ mode: 'serial' })

/** The four sandbox accounts (again: this spec may run alone), and the overview they give. */
async function connectSandbox(page: Page) {
  const r = await page.request.post('/api/hosting/sandbox/connect')
  expect(r.ok()).toBe(true)
  let overview = await (await page.request.get('/api/billing/overview')).json()
  // Earlier specs may have cancelled the seed's unpaid order; the sandbox can add another.
  if (!overview.accounts.find((a: any) => a.slug === 'inferno')?.orders.some((o: any) => o.cancellable)) {
    expect((await page.request.post(`${SANDBOX_ORIGIN}/__sandbox/inferno/unpaid-order`)).ok()).toBe(true)
    overview = await (await page.request.get('/api/billing/overview')).json()
  }
  return overview
}

test('the billing page shows sandbox balances, limits, renewals, and cancels a pending order', async ({ page }) => {
  await ensureAdmin(page)
  const overview = await connectSandbox(page)
  const virtua = overview.accounts.find((a: any) => a.slug === 'virtua')
  const inferno = overview.accounts.find((a: any) => a.slug === 'inferno')
  const pending = inferno.orders.find((o: any) => o.cancellable)
  expect(pending, 'the Inferno sandbox keeps an unpaid order').toBeTruthy()

  await page.goto('/')
  await page.getByTestId('nav-drawer').getByText('Billing').click()
  await expect(page).toHaveURL(/\/billing$/)

  // Balances per currency, and each account's own.
  const eur = page.getByTestId('total-EUR')
  await expect(eur).toBeVisible()
  await expect(eur.getByTestId('total-balance')).toContainText(overview.totals.find((t: any) => t.currency === 'EUR').balance.toFixed(2))
  const virtuaCard = page.getByTestId('billing-account-virtua')
  await expect(virtuaCard.getByTestId('account-balance')).toContainText(virtua.balance[0].amount.toFixed(2))
  await expect(virtuaCard).toContainText('Used this month')
  await expect(virtuaCard).toContainText('Estimate')
  // Earlier specs may have bought Inferno servers: the page must show what the provider says now.
  await expect(page.getByTestId('billing-account-inferno').getByTestId('account-balance')).toContainText(inferno.balance[0].amount.toFixed(2))

  // Usage against limits: numbers and a bar.
  const servers = virtuaCard.getByTestId('limit-cloud_servers')
  await expect(servers.getByTestId('limit-numbers')).toHaveText(/^\d+ \/ 8$/)
  await expect(servers.getByRole('progressbar')).toBeVisible()

  // Hostinger's KVM 2 renews within the week: highlighted.
  const soon = page.getByTestId('subscription-row').filter({ hasText: 'KVM 2' })
  await expect(soon).toHaveAttribute('data-soon', 'true')
  await expect(soon.getByTestId('renews-soon-chip')).toBeVisible()
  await expect(page.getByTestId('billing-none')).toContainText('VirtFusion')

  await shot(page, 'billing-desktop')

  // Cancel the unpaid Inferno order, after confirming.
  const row = page.getByTestId(`order-row-inferno-${pending.id}`)
  await expect(row).toContainText(pending.number)
  await row.getByTestId('cancel-order').click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog).toContainText(`Cancel order #${pending.number}?`)
  await shot(page, 'billing-cancel-dialog')
  await dialog.getByTestId('confirm-button').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: `Order #${pending.number} cancelled` })).toBeVisible()
  await expect(row).toBeHidden()
  const after = await (await page.request.get('/api/hosting/providers/inferno/orders')).json()
  expect(after.some((o: any) => o.id === pending.id)).toBe(false)
})

test('recording a sample draws the balance chart; narrow and dark layouts hold', async ({ page }) => {
  await ensureAdmin(page)
  await connectSandbox(page)
  await page.goto('/billing')
  await expect(page.getByTestId('total-EUR')).toBeVisible()
  if (await page.getByTestId('history-empty').isVisible()) await shot(page, 'billing-history-empty')

  await page.getByTestId('record-sample').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: /Recorded \d+ balance samples/ })).toBeVisible()
  const chart = page.getByTestId('history-virtua-EUR')
  await expect(chart).toBeVisible()
  await expect(chart.locator('svg circle').first()).toBeVisible()
  await expect(chart).toContainText('Used this month')
  await expect(page.getByTestId('history-inferno-EUR')).toBeVisible()
  await shot(page, 'billing-chart')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await expect(page.getByTestId('total-EUR')).toBeVisible()
  await expect(page.getByTestId('history-virtua-EUR').locator('svg')).toBeVisible()
  // Nothing wider than the screen but the tables, which scroll on their own.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await shot(page, 'billing-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'billing-mobile-dark')
  await page.setViewportSize({ width: 1280, height: 900 })
  await shot(page, 'billing-desktop-dark')
  await page.getByTestId('theme-toggle').click()
})

test('the chart draws two months of samples as lines, with a gap where a day was missed', async ({ page }) => {
  await ensureAdmin(page)
  const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)
  const points = Array.from({ length: 60 }, (_, i) => 59 - i)
    .filter(back => back < 20 || back > 24)
    .map(back => ({ day: day(back), balance: 90 + back * 1.5, monthly_usage: Number(day(back).slice(8, 10)) * 0.9 }))
  await page.route('**/api/billing/history*', route => route.fulfill({
    json: { days: 90, from: day(89), to: day(0), series: [{ account_id: 'x', slug: 'virtua', display_name: 'Virtua.cloud (sandbox)', type: 'virtua', currency: 'EUR', points }] },
  }))
  await page.goto('/billing')
  const chart = page.getByTestId('history-virtua-EUR')
  await expect(chart).toContainText('55 samples')
  // Two lines, each broken in two by the missed days.
  const paths = chart.locator('svg path')
  await expect(paths).toHaveCount(2)
  expect((await paths.first().getAttribute('d'))!.match(/M/g)).toHaveLength(2)
  await shot(page, 'billing-chart-history')
  await page.setViewportSize({ width: 390, height: 844 })
  await chart.scrollIntoViewIfNeeded()
  await shot(page, 'billing-chart-history-mobile')
})

test('a failing provider shows its error on its own card; no accounts shows the empty state', async ({ page }) => {
  await ensureAdmin(page)
  const overview = await connectSandbox(page)
  const infernoBalance = overview.accounts.find((a: any) => a.slug === 'inferno').balance[0].amount.toFixed(2)
  await fetch(`${SANDBOX_ORIGIN}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'virtua', status: 500, count: 1000 }) })
  try {
    await page.goto('/billing')
    await expect(page.getByTestId('account-error-virtua')).toContainText('Virtua.cloud')
    await expect(page.getByTestId('totals-incomplete')).toContainText('Virtua.cloud (sandbox)')
    await expect(page.getByTestId('billing-account-inferno').getByTestId('account-balance')).toContainText(infernoBalance)
    await shot(page, 'billing-account-error')
  }
  finally {
    await fetch(`${SANDBOX_ORIGIN}/__sandbox/faults?provider=virtua`, { method: 'DELETE' })
  }

  await page.route('**/api/billing/overview', route => route.fulfill({ json: { generated_at: new Date().toISOString(), renewal_window_days: 14, accounts: [], totals: [] } }))
  await page.route('**/api/billing/history*', route => route.fulfill({ json: { days: 90, from: '2025-01-01', to: '2025-03-31', series: [] } }))
  await page.goto('/billing')
  await expect(page.getByTestId('billing-empty')).toBeVisible()
  await expect(page.getByTestId('history-empty')).toBeVisible()
  await shot(page, 'billing-empty')
})
