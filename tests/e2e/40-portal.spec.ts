/**
 * The customer portal end to end: an admin makes a plan; a customer on a phone orders it,
 * watches the steps, powers the new server and gets the notification; then an admin suspends
 * it and the customer cannot start it and reads why.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { SANDBOX_ORIGIN, animationsDone, ensureAdmin, shot, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const CUSTOMER = { name: 'Nina Customer', email: `nina${Date.now()}@example.com`, password: 'nina-password-123' }
const PLAN = `Cloud S ${Date.now().toString(36)}`
const HOST = `nina-${Date.now().toString(36)}.example.com`
const REASON = 'Unpaid invoice #2024-117'
let orderUrl = ''

async function adminSession(page: Page) {
  await ensureAdmin(page)
}

async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const page = await ctx.newPage()
  await signIn(page, CUSTOMER)
  await page.goto('/')
  return page
}

test('an admin makes a plan from the VirtFusion catalog', async ({ page }) => {
  await ensureAdmin(page)
  const connect = await page.request.post('/api/hosting/sandbox/connect')
  expect(connect.ok()).toBe(true)
  const vf = (await connect.json()).accounts.find((a: any) => a.type === 'virtfusion')
  expect(vf.ok).toBe(true)
  const user = await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })
  expect(user.status()).toBe(201)

  await page.goto('/plans')
  await expect(page.getByTestId('add-plan')).toBeVisible()
  await page.getByTestId('add-plan').click()
  const dialog = page.getByTestId('plan-dialog')
  await dialog.getByTestId('plan-name').locator('input').fill(PLAN)
  await dialog.getByTestId('plan-description').locator('textarea').first().fill('1 vCPU, 1 GB RAM, 20 GB disk in London')
  await dialog.getByTestId('plan-price').locator('input').fill('€5 / month')
  await dialog.getByTestId('plan-account').click()
  await page.getByRole('option', { name: new RegExp(vf.slug === 'virtfusion' ? '^VirtFusion' : vf.slug) }).first().click()
  await dialog.getByTestId('map-packageId').click()
  await page.getByRole('option', { name: /VPS Small/ }).click()
  await dialog.getByTestId('map-hypervisorId').click()
  await page.getByRole('option', { name: /London/ }).click()
  await shot(page, 'portal-plan-dialog')
  await dialog.getByTestId('plan-save').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: `${PLAN} saved` })).toBeVisible()
  await expect(page.getByTestId(`plan-row-${PLAN}`)).toContainText('Package: VPS Small')
  await shot(page, 'portal-plans')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, 'portal-plans-mobile')
  await page.getByTestId(`edit-plan-${PLAN}`).click()
  await expect(page.getByTestId('plan-dialog').getByTestId('map-packageId')).toContainText('VPS Small')
  await shot(page, 'portal-plan-dialog-mobile')
})

test('a customer on a phone orders the plan and watches every step complete', async ({ browser }) => {
  const page = await phone(browser)
  await page.goto('/orders')
  await expect(page.getByTestId('orders-empty')).toBeVisible()
  await shot(page, 'portal-orders-empty-mobile')
  await page.getByRole('button', { name: 'Menu' }).click()
  await expect(page.getByTestId('nav-drawer')).toContainText('Order a server')
  await expect(page.getByTestId('nav-drawer')).not.toContainText('Plans')
  await page.getByTestId('nav-drawer').getByText('Order a server').click()
  await expect(page).toHaveURL(/\/order$/)

  await page.getByTestId(`order-plan-${PLAN}`).click()
  await expect(page.getByTestId(`order-plan-${PLAN}`)).toContainText('€5 / month')
  await page.getByTestId('order-template').click()
  await page.getByRole('option', { name: /Debian 12/ }).click()
  await page.getByTestId('order-hostname').locator('input').fill('not a hostname!')
  await page.getByTestId('order-submit').click()
  await expect(page.getByText('Letters, digits, hyphens and dots')).toBeVisible()
  await page.getByTestId('order-hostname').locator('input').fill(HOST)
  await shot(page, 'portal-order-mobile')
  await page.getByTestId('order-submit').click()

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/)
  orderUrl = page.url()
  await expect(page.getByTestId('order-hostname')).toHaveText(HOST)
  // The steps move while we watch: create first, then the build.
  // Watched from now on: the toast lives 5 s, and the order may finish while the screenshot is taken.
  const readyToast = page.getByTestId('toast-success').filter({ hasText: `${HOST} is ready` }).waitFor({ timeout: 90_000 })
  await expect(page.getByTestId('step-create')).toHaveAttribute('data-status', /running|succeeded/, { timeout: 30_000 })
  await shot(page, 'portal-order-steps-running-mobile')
  await expect(page.getByTestId('order-status')).toHaveText(/Ready/, { timeout: 60_000 })
  await readyToast
  for (const step of ['ensure_user', 'create', 'install', 'wait_running', 'assign', 'notify']) {
    await expect(page.getByTestId(`step-${step}`)).toHaveAttribute('data-status', 'succeeded')
  }
  await expect(page.getByTestId('step-push_ssh_keys')).toHaveAttribute('data-status', 'skipped')
  await expect(page.getByTestId('order-server-link')).toBeVisible()
  await shot(page, 'portal-order-done-mobile')

  // The notification panel has the news (refreshed when the order finished), linking to the server.
  await expect(page.getByTestId('notifications-badge')).toBeVisible()
  await page.getByTestId('notifications-button').click()
  await expect(page.getByTestId('notification-panel').getByTestId('notification-item').first()).toContainText(`Your server ${HOST} is ready`)
  await animationsDone(page) // the menu fades in
  await shot(page, 'portal-notification-mobile')
  await page.keyboard.press('Escape')

  // Power it: stop, then start again.
  const card = page.getByTestId('server-card')
  await expect(card.getByTestId('server-status')).toHaveText('Running')
  await card.getByTestId('server-stop').click()
  // Stopping asks first, saying what will happen.
  await page.getByTestId('confirm-dialog').getByTestId('confirm-button').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'is stopping' })).toBeVisible()
  await expect(card.getByTestId('server-status')).toHaveText('Stopped', { timeout: 30_000 })
  await card.getByTestId('server-start').click()
  await expect(card.getByTestId('server-status')).toHaveText('Running', { timeout: 30_000 })
  await shot(page, 'portal-server-mobile')

  await page.goto('/orders')
  await expect(page.getByTestId(`order-row-${HOST}`).getByTestId('order-row-status')).toHaveText('Ready')
  await shot(page, 'portal-orders-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'portal-orders-mobile-dark')
  await page.goto(orderUrl)
  await expect(page.getByTestId('order-status')).toHaveText(/Ready/)
  await shot(page, 'portal-order-done-mobile-dark')
  await page.getByTestId('theme-toggle').click()
  await page.context().close()
})

test('an admin suspends the server; the customer sees why and cannot start it', async ({ page, browser }) => {
  await adminSession(page)
  await page.goto('/orders')
  await expect(page.getByTestId(`order-row-${HOST}`)).toContainText(CUSTOMER.email)
  await shot(page, 'portal-orders-admin')
  await page.getByTestId(`order-row-${HOST}`).getByTestId('order-link').click()
  await expect(page.getByTestId('order-logs')).toBeVisible()
  const card = page.getByTestId('server-card')
  await card.getByTestId('admin-suspend').click()
  await page.getByTestId('suspend-reason').locator('textarea').first().fill(REASON)
  await shot(page, 'portal-suspend-dialog')
  await page.getByTestId('suspend-confirm').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'suspended' })).toBeVisible()
  await expect(card.getByTestId('server-lock-reason')).toHaveText(REASON)
  await expect(card.getByTestId('server-status')).toHaveText('Suspended')

  const customer = await phone(browser)
  await customer.goto(orderUrl)
  const theirs = customer.getByTestId('server-card')
  await expect(theirs.getByTestId('server-locked')).toBeVisible()
  await expect(theirs.getByTestId('server-lock-reason')).toHaveText(REASON)
  await expect(theirs.getByTestId('admin-suspend')).toHaveCount(0)
  await expect(theirs.getByTestId('server-start')).toBeDisabled()
  await expect(theirs.getByTestId('server-status')).toHaveText('Suspended')
  // Not just a greyed-out button: the API refuses the customer's start and says why.
  const serverId = (await (await customer.request.get(orderUrl.replace('/orders/', '/api/orders/'))).json()).server_id
  const start = await customer.request.post(`/api/servers/${serverId}/actions/start`)
  expect(start.status()).toBe(409)
  expect((await start.json()).error).toContain(REASON)
  await shot(customer, 'portal-server-locked-mobile')
  await customer.context().close()

  // Lifting it lets the server run again.
  await card.getByTestId('admin-unsuspend').click()
  await expect(card.getByTestId('server-locked')).toHaveCount(0)
  await expect(card.getByTestId('server-status')).toHaveText('Running', { timeout: 30_000 })
})

test('an admin reads the setup log in Russian: each line by its code, the step by its name', async ({ page }) => {
  await adminSession(page)
  await page.context().addCookies([{ name: 'i18n_locale', value: 'ru', url: test.info().project.use.baseURL! }])
  await page.goto(orderUrl)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  // The timeline and the log say what the server stored as codes, in Russian, not its English sentences.
  await expect(page.getByTestId('step-create').getByTestId('step-message')).toHaveText(/^Создан сервер \S+$/)
  await page.getByTestId('order-logs').getByRole('button').click()
  const table = page.getByTestId('order-log-table')
  await expect(table.getByTestId('order-log-row').filter({ hasText: 'Создание сервера' }).getByTestId('order-log-message')).toContainText([/^Создание сервера$/, /^Создан сервер \S+$/])
  await expect(table.getByTestId('order-log-message').filter({ hasText: `Владелец: ${CUSTOMER.email}` })).toHaveCount(1)
  await expect(table.getByTestId('order-log-message').filter({ hasText: 'Клиент уведомлён' })).toHaveCount(1)
  await expect(table).not.toContainText(/Customer notified|Owned by|Created server/)
  await animationsDone(page)
  await shot(page, 'portal-order-log-ru')
})

test('a failing step: the customer is told it is handled; an admin retries it from the orders list', async ({ page, browser }) => {
  const fault = await page.request.post(`${SANDBOX_ORIGIN}/__sandbox/faults`, { data: { provider: 'virtfusion', status: 503, match: '/build', method: 'POST' } })
  expect(fault.ok()).toBe(true)
  const host = `retry-${Date.now().toString(36)}.example.com`
  const customer = await phone(browser)
  try {
    await customer.goto('/order')
    await customer.getByTestId(`order-plan-${PLAN}`).click()
    await customer.getByTestId('order-template').click()
    await customer.getByRole('option', { name: /Ubuntu Server 24/ }).click()
    await customer.getByTestId('order-hostname').locator('input').fill(host)
    await customer.getByTestId('order-submit').click()
    await expect(customer.getByTestId('order-status')).toHaveText(/Needs attention/, { timeout: 60_000 })
  }
  finally {
    await page.request.delete(`${SANDBOX_ORIGIN}/__sandbox/faults?provider=virtfusion`)
  }
  await expect(customer.getByTestId('order-error')).toContainText('Install the operating system')
  await expect(customer.getByTestId('order-error')).not.toContainText('503')
  await expect(customer.getByTestId('step-install')).toHaveAttribute('data-status', 'failed')
  await expect(customer.getByTestId('order-retry')).toHaveCount(0)
  await shot(customer, 'portal-order-failed-mobile')

  await adminSession(page)
  await page.goto('/orders')
  await page.getByTestId('order-filter-failed').click()
  const row = page.getByTestId(`order-row-${host}`)
  await expect(row).toContainText('503')
  await shot(page, 'portal-orders-failed-admin')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, 'portal-orders-failed-admin-mobile')
  await page.setViewportSize({ width: 1280, height: 720 })
  await row.getByTestId(`retry-${host}`).click()
  await expect(page.getByTestId('toast-info').filter({ hasText: `Retrying ${host}` })).toBeVisible()

  // The customer's page, still open, follows the retry to the end.
  await customer.reload()
  await expect(customer.getByTestId('order-status')).toHaveText(/Ready/, { timeout: 60_000 })
  await expect(customer.getByTestId('step-install')).toHaveAttribute('data-status', 'succeeded')
  await customer.context().close()
})
