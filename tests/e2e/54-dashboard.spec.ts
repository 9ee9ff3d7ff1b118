/**
 * Dashboards: an admin sees a customer's order reach the provisioning tile, reads the providers'
 * domain dates into the expiry tile; the customer's dashboard shows the new server with its
 * power menu. Desktop, phone and dark screenshots.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { ensureAdmin, shot, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const STAMP = Date.now().toString(36)
const CUSTOMER = { name: 'Dana Customer', email: `dana${STAMP}@example.com`, password: 'dana-password-123' }
const HOST = `dana-${STAMP}.example.com`

const provisioned = async (request: APIRequestContext) => {
  const d = await (await request.get('/api/admin/dashboard')).json()
  return d.provisioning.done + d.provisioning.running + d.provisioning.failed as number
}

test('a customer order shows on the admin dashboard; expiring domains after a provider read', async ({ page, browser }) => {
  await ensureAdmin(page)
  const connect = await page.request.post('/api/hosting/sandbox/connect')
  expect(connect.ok()).toBe(true)
  const vf = (await connect.json()).accounts.find((a: any) => a.type === 'virtfusion')
  expect((await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })).status()).toBe(201)
  const plan = await page.request.post('/api/plans', {
    data: { name: `Dash plan ${STAMP}`, description: 'Dashboard plan', price_text: '€5 / month', account: vf.slug, mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' } },
  })
  expect(plan.status()).toBe(201)
  const planId = (await plan.json()).id
  const before = await provisioned(page.request)

  // The customer orders through the API, as a script would.
  const ctx = await browser.newContext()
  const customer = await ctx.newPage()
  await signIn(customer, CUSTOMER)
  const templates = await (await customer.request.get(`/api/plans/${planId}/templates`)).json()
  const order = await customer.request.post('/api/orders', {
    data: { plan_id: planId, template: String(templates[0].id), hostname: HOST, ssh_key_ids: [] },
    headers: { 'Idempotency-Key': `dash-${STAMP}` },
  })
  expect(order.status(), await order.text()).toBeLessThan(300)
  await expect.poll(() => provisioned(page.request), { timeout: 30_000 }).toBeGreaterThan(before)

  await page.goto('/')
  await expect(page.getByTestId('tile-servers')).toBeVisible()
  await expect(page.getByTestId('tile-provisioning')).toBeVisible()
  await expect(page.getByTestId('tile-orders')).toBeVisible()
  await expect(page.getByTestId('tile-activity')).toContainText('order')
  await page.getByTestId('dashboard-refresh').click()
  await expect(page.getByTestId('toast-success').or(page.getByTestId('toast-warning'))).toBeVisible()
  await expect(page.getByTestId('tile-domains').getByTestId('watch-shop.example.net').first()).toContainText(/in 1\d|in 20/)
  await expect(page.getByTestId('tile-domains').getByTestId('watch-old-brand.org').first()).toContainText('expired')
  await expect(page.getByTestId('tile-renewals')).not.toContainText('not read yet')
  await shot(page, 'dashboard-admin')
  // Each tile is a way in: the servers tile's status chips open the filtered list.
  const chip = page.getByTestId('tile-servers').locator('[data-testid^="servers-status-"]').first()
  const status = (await chip.getAttribute('data-testid'))!.replace('servers-status-', '')
  await chip.click()
  await expect(page).toHaveURL(new RegExp(`/servers\\?.*status=${status}`))
  await page.goto('/')
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByTestId('tile-domains')).toBeVisible()
  await shot(page, 'dashboard-admin-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'dashboard-admin-mobile-dark')
  await page.getByTestId('theme-toggle').click()

  // The customer's dashboard: the order until it is done, then the server with its power menu.
  await customer.goto('/')
  await expect(customer.locator('[data-testid="tile-my-orders"], [data-testid="tile-my-servers"]').filter({ hasText: 'dana-' }).first()).toBeVisible({ timeout: 60_000 })
  const orderId = (await order.json()).id
  const done = async () => (await (await customer.request.get(`/api/orders/${orderId}`)).json())
  await expect.poll(async () => (await done()).status, { timeout: 90_000 }).toBe('completed')
  await customer.reload()
  const row = customer.getByTestId(`my-server-${(await done()).server_id}`)
  await expect(row).toBeVisible()
  await expect(row.getByTestId('server-status')).toBeVisible()
  await expect(customer.getByTestId('tile-my-notices')).toBeVisible()
  await expect(customer.getByTestId('tile-servers')).toHaveCount(0)
  await shot(customer, 'dashboard-customer')
  await customer.setViewportSize({ width: 390, height: 844 })
  await shot(customer, 'dashboard-customer-mobile')
  await ctx.close()
})

test('an admin signs in as the customer, sees their dashboard under a banner, and returns in one click', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/users')
  await page.getByTestId(`sign-in-as-${CUSTOMER.email}`).click()
  await expect(page.getByTestId('impersonation-confirm')).toContainText(CUSTOMER.email)
  await page.getByTestId('impersonation-go').click()
  await expect(page).toHaveURL(/\/$/)
  const banner = page.getByTestId('impersonation-banner')
  await expect(banner).toContainText(CUSTOMER.name)
  await expect(banner).toContainText('Erin Admin')
  await expect(page.getByTestId('tile-my-servers')).toBeVisible()
  await expect(page.getByTestId('tile-servers')).toHaveCount(0)
  await shot(page, 'impersonation-banner')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, 'impersonation-banner-mobile')
  await page.getByTestId('impersonation-end').click()
  await expect(page).toHaveURL(/\/users$/)
  await expect(page.getByTestId('impersonation-banner')).toHaveCount(0)
  await expect(page.getByTestId('users-table')).toBeVisible()
})
