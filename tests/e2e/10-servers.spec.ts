import { expect, test, type Locator, type Page } from '@playwright/test'
import { SANDBOX_ORIGIN, animationsDone, ensureAdmin, hydrated, shot, signIn } from './helpers'

// Whole server lifecycles with full-page screenshots: 20–35 s each on an idle 2-core machine,
// 1.6 min seen with the machine fully loaded; the waits themselves stay on conditions.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const PROVIDERS = ['virtfusion', 'virtua', 'hostinger', 'inferno'] as const
type Slug = (typeof PROVIDERS)[number]
const RUN = Date.now().toString(36).slice(-5)
const hostnameFor = (slug: Slug) => `e2e-${slug}-${RUN}`
/** The sandbox settles a transition in 1.5 s; a create passes through a few of them. */
const SETTLE = { timeout: 60_000 }

async function pickFirstOption(page: Page, field: Locator) {
  await field.click()
  await page.getByRole('option').first().click()
}

const E2E_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOv24mfD6GPmxuFjtpVTC7jO5Rq9J/RyTqeYiiTK7gGe e2e@servers'
const statusOf = (page: Page) => page.getByTestId('server-status').first()

async function connectSandbox(page: Page) {
  const res = await page.request.post('/api/hosting/sandbox/connect')
  expect(res.ok()).toBe(true)
  const body = await res.json()
  expect(body.accounts.filter((a: { ok: boolean }) => a.ok).map((a: { slug: string }) => a.slug).sort()).toEqual([...PROVIDERS].sort())
}

test('the inventory lists every sandbox account with its freshness; filters, search and sort work', async ({ page }) => {
  await ensureAdmin(page)
  await connectSandbox(page)
  await page.goto('/')
  await page.getByTestId('nav-drawer').getByText('Servers').click()
  await expect(page).toHaveURL(/\/servers$/)
  const table = page.getByTestId('servers-table')
  await expect(table.getByTestId('server-link').first()).toBeVisible()
  for (const slug of PROVIDERS) await expect(page.getByTestId(`freshness-${slug}`)).toContainText(/synced (just now|\d+ min ago)/)
  // Each provider's own marks show up in the rows.
  for (const slug of PROVIDERS) await expect(table.locator(`[data-provider="${slug}"]`).first()).toBeVisible()
  await shot(page, 'servers-list')

  await page.getByTestId('filter-provider').click()
  await page.getByRole('option', { name: 'Inferno' }).click()
  await expect(page).toHaveURL(/provider=inferno/)
  await expect(table.locator('[data-provider]:not([data-provider="inferno"])')).toHaveCount(0)
  await expect(table.locator('[data-provider="inferno"]').first()).toBeVisible()
  await page.getByTestId('filter-provider').locator('.mdi-close-circle').click()

  await page.getByTestId('server-search').locator('input').fill('no-such-server-anywhere')
  await expect(page.getByTestId('servers-no-match')).toBeVisible()
  await shot(page, 'servers-no-match')
  await page.getByTestId('servers-no-match').getByRole('button', { name: 'Clear filters' }).click()
  await expect(table.getByTestId('server-link').first()).toBeVisible()

  // Sorting by name descending puts the last name first.
  const names = async () => table.getByTestId('server-link').allInnerTexts()
  await table.getByRole('columnheader', { name: 'Name' }).click()
  await expect(page).toHaveURL(/sort=name/)
  await table.getByRole('columnheader', { name: 'Name' }).click()
  await expect(page).toHaveURL(/sort=-name/)
  await expect.poll(async () => {
    const n = await names()
    return n.length > 1 && n.join('\n') === [...n].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())).join('\n')
  }).toBe(true)

  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'All accounts synced' })).toBeVisible({ timeout: 30_000 })

  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/servers')
  await expect(table.getByTestId('server-link').first()).toBeVisible()
  await shot(page, 'servers-list-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'servers-list-mobile-dark')
  await page.setViewportSize({ width: 1280, height: 800 })
  await shot(page, 'servers-list-dark')
  await page.getByTestId('theme-toggle').click()
})

const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByTestId(`server-row-${name}`) })

test('bulk start reports each server: one starts, the running one is refused with its reason', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/servers?provider=virtfusion')
  await expect(rowOf(page, 'db-1.example.com')).toBeVisible()
  await expect(rowOf(page, 'db-1.example.com').getByTestId('server-status')).toHaveAttribute('data-status', 'stopped')
  await expect(rowOf(page, 'web-1.example.com').getByTestId('server-status')).toHaveAttribute('data-status', 'running')
  await rowOf(page, 'db-1.example.com').locator('input[type="checkbox"]').check()
  await rowOf(page, 'web-1.example.com').locator('input[type="checkbox"]').check()
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected')
  await shot(page, 'servers-bulk')
  await page.getByTestId('bulk-start').click()
  const toast = page.getByTestId('toast-warning')
  await expect(toast).toContainText('1 of 2 started')
  await expect(toast).toContainText('web-1.example.com is already running')
  await expect(rowOf(page, 'web-1.example.com').locator('input[type="checkbox"]')).toBeChecked()
  await expect(rowOf(page, 'db-1.example.com').locator('input[type="checkbox"]')).not.toBeChecked()
  await shot(page, 'servers-bulk-result')
  await expect(rowOf(page, 'db-1.example.com').getByTestId('server-status')).toHaveAttribute('data-status', 'running', SETTLE)
  // The refused one stays selected for another try; the started one is released.
  await expect(page.getByTestId('bulk-bar')).toContainText('1 selected')

  // A bulk stop asks first and names every server it would stop; a cancel stops none.
  await rowOf(page, 'db-1.example.com').locator('input[type="checkbox"]').check()
  await expect(page.getByTestId('bulk-bar')).toContainText('2 selected')
  await page.getByTestId('bulk-stop').click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('Stop 2 servers?')
  await expect(confirm.getByTestId('confirm-servers')).toContainText('db-1.example.com')
  await expect(confirm.getByTestId('confirm-servers')).toContainText('web-1.example.com')
  await shot(page, 'servers-bulk-stop-confirm')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  const running = await (await page.request.get('/api/servers', { params: { provider: 'virtfusion', status: 'running', per_page: 100 } })).json()
  expect(running.items.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['db-1.example.com', 'web-1.example.com']))
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Clear' }).click()

  // And back: the row menu stops it, with the same state rules, after a yes.
  await rowOf(page, 'db-1.example.com').getByTestId('row-power-menu').click()
  await expect(page.getByTestId('menu-start')).toHaveClass(/v-list-item--disabled/)
  await page.getByTestId('menu-stop').click()
  await expect(confirm).toContainText('Stop db-1.example.com?')
  await confirm.getByTestId('confirm-button').click()
  await expect(rowOf(page, 'db-1.example.com').getByTestId('server-status')).toHaveAttribute('data-status', 'stopped', SETTLE)
})

test('a failing account gets its own warning; the other accounts still list', async ({ page }) => {
  await ensureAdmin(page)
  await page.request.post(`${SANDBOX_ORIGIN}/__sandbox/faults`, { data: { provider: 'virtua', status: 503, count: 50 } })
  try {
    await page.goto('/servers')
    await hydrated(page)
    await page.getByTestId('sync-now').click()
    await expect(page.getByTestId('sync-progress')).toBeVisible()
    await expect(page.getByTestId('toast-warning')).toContainText('Virtua.cloud', { timeout: 30_000 })
    await expect(page.getByTestId('account-warning-virtua')).toBeVisible()
    await expect(page.getByTestId('account-warning-hostinger')).toHaveCount(0)
    await expect(page.locator('[data-testid="servers-table"] [data-provider="virtfusion"]').first()).toBeVisible()
    await expect(page.locator('[data-testid="servers-table"] [data-provider="virtua"]').first()).toBeVisible()
    await shot(page, 'servers-account-failing')
  }
  finally {
    await page.request.delete(`${SANDBOX_ORIGIN}/__sandbox/faults`)
  }
  await page.getByTestId('account-warning-virtua').getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByTestId('account-warning-virtua')).toHaveCount(0, { timeout: 30_000 })
})

test('a customer sees only the servers assigned to them, without admin controls', async ({ page }) => {
  await ensureAdmin(page)
  const customer = { name: 'Cory Customer', email: `cory-${RUN}@example.com`, password: 'customer-pass-123' }
  expect((await page.request.post('/api/users', { data: { ...customer, role: 'customer' } })).ok()).toBe(true)
  const list = await (await page.request.get('/api/servers', { params: { provider: 'virtfusion', q: 'staging.example.com' } })).json()
  const target = list.items[0]
  const others = await (await page.request.get('/api/servers', { params: { provider: 'virtfusion', q: 'db-1.example.com' } })).json()
  const notHers = others.items[0].id
  await page.goto(`/servers/${target.id}`)
  await page.getByTestId('owner-select').click()
  await page.getByRole('option', { name: new RegExp(customer.email) }).click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'now belongs to Cory Customer' })).toBeVisible()

  await page.context().clearCookies()
  await signIn(page, customer)
  await page.goto('/servers')
  await expect(page.getByTestId('server-link')).toHaveCount(1)
  await expect(page.getByTestId('server-link')).toHaveText('staging.example.com')
  await expect(page.getByTestId('filter-provider')).toHaveCount(0)
  await expect(page.getByTestId('sync-now')).toHaveCount(0)
  await expect(page.getByTestId('new-server')).toHaveCount(0)
  await shot(page, 'servers-customer')
  await page.getByTestId('server-link').click()
  await expect(page.getByTestId('server-name')).toHaveText('staging.example.com')
  await expect(page.getByTestId('open-reinstall')).toBeVisible()
  await expect(page.getByTestId('open-destroy')).toHaveCount(0)
  await expect(page.getByTestId('open-resize')).toHaveCount(0)
  await expect(page.getByTestId('raw-record')).toHaveCount(0)
  await expect(page.getByTestId('power-unsuspend')).toHaveCount(0)
  await shot(page, 'server-detail-customer')
  // Someone else's server is simply not there.
  expect((await page.request.get(`/api/servers/${notHers}`)).status()).toBe(404)
  await page.goto(`/servers/${notHers}`)
  await expect(page.getByTestId('server-not-found')).toBeVisible()

  await page.context().clearCookies()
})

async function next(page: Page) {
  await page.getByTestId('wizard-next').click()
}

/** Walks the wizard for one account and returns once the new server runs, on its page. */
/** Servers of one account that still exist (deleted ones are kept, marked gone). */
async function countOn(page: Page, slug: Slug) {
  const res = await (await page.request.get('/api/servers', { params: { account: slug, per_page: 100 } })).json()
  return res.items.filter((s: { gone: boolean }) => !s.gone).length as number
}

async function createThroughWizard(page: Page, slug: Slug, shots = false) {
  // Specs may run alone: the sandbox accounts are connected unless an earlier test did it.
  const accounts = await (await page.request.get('/api/hosting/providers')).json()
  if (!accounts.some((a: { slug: string }) => a.slug === slug)) await connectSandbox(page)
  const before = await countOn(page, slug)
  // A provider without a data-center list (its facts say so) is never asked for one.
  const datacenterCalls: string[] = []
  page.on('request', (r) => { if (r.url().includes('/datacenters')) datacenterCalls.push(r.url()) })
  await page.goto('/servers')
  await page.getByTestId('new-server').click()
  await expect(page).toHaveURL(/\/servers\/new/)
  const wizard = page.getByTestId('wizard')

  await page.getByTestId(`wizard-account-${slug}`).click()
  await expect(page.getByTestId('create-note')).toBeVisible()
  if (shots) await shot(page, 'wizard-1-account')
  await next(page)

  await expect(wizard).toHaveAttribute('data-step', '2')
  const plan = page.locator('[data-testid^="wizard-plan-"]').first()
  await plan.click()
  if (shots) await shot(page, 'wizard-2-plan')
  await next(page)

  await expect(wizard).toHaveAttribute('data-step', '3')
  const dcs = page.getByTestId('wizard-datacenters')
  await expect(dcs.or(page.getByTestId('wizard-no-datacenters'))).toBeVisible()
  // The steps behind are ticked as done; the current one is not.
  const stepItems = wizard.locator('.v-stepper-item')
  await expect(stepItems.nth(0)).toHaveClass(/v-stepper-item--complete/)
  await expect(stepItems.nth(1)).toHaveClass(/v-stepper-item--complete/)
  await expect(stepItems.nth(2)).not.toHaveClass(/v-stepper-item--complete/)
  if (slug === 'inferno') {
    await expect(page.getByTestId('wizard-no-datacenters')).toBeVisible()
    expect(datacenterCalls).toEqual([])
  }
  if (await dcs.isVisible()) {
    const first = dcs.locator('input[type="radio"]').first()
    if (!(await dcs.locator('input[type="radio"]:checked').count())) await first.check()
  }
  if (shots) await shot(page, 'wizard-3-region')
  await next(page)

  await expect(wizard).toHaveAttribute('data-step', '4')
  await pickFirstOption(page, page.getByTestId('wizard-template'))
  if (shots) await shot(page, 'wizard-4-system')
  await next(page)

  await expect(wizard).toHaveAttribute('data-step', '5')
  await page.getByTestId('wizard-hostname').locator('input').fill(hostnameFor(slug))
  if (slug === 'hostinger') {
    await page.getByTestId('wizard-password').locator('input').fill('short')
    await expect(page.getByTestId('wizard-password')).toContainText('At least 12 characters')
    await expect(page.getByTestId('wizard-next')).toBeDisabled()
    await page.getByTestId('wizard-password').locator('input').fill('E2e-Password-2024')
  }
  if (slug === 'virtfusion') {
    const paste = page.getByTestId('ssh-key-paste').locator('textarea').first()
    await paste.fill('ssh-ed25519 not-a-key')
    await expect(page.getByTestId('ssh-key-paste')).toContainText(/./)
    await expect(page.getByTestId('wizard-next')).toBeDisabled()
    await paste.fill(E2E_KEY)
  }
  if (shots) await shot(page, 'wizard-5-access')
  await next(page)

  await expect(wizard).toHaveAttribute('data-step', '6')
  await expect(page.getByTestId('wizard-review')).toContainText(hostnameFor(slug))
  if (slug === 'virtfusion') await expect(page.getByTestId('wizard-review')).toContainText('e2e@servers')
  if (shots) await shot(page, 'wizard-6-review')
  // A double click must not buy twice: the button disables, and the key would dedupe anyway.
  await page.getByTestId('wizard-create').dblclick()

  await expect(page.getByTestId('provisioning')).toBeVisible({ timeout: 30_000 })
  if (shots) await shot(page, 'wizard-7-provisioning')
  await expect(page.getByTestId('provisioned')).toBeVisible(SETTLE)
  // It went through at least one state before running, and each was shown.
  expect(await page.getByTestId('provisioning-step').count()).toBeGreaterThanOrEqual(2)
  await expect(page.getByTestId('provisioning-step').last().locator('[data-status]')).toHaveAttribute('data-status', 'running')
  if (shots) await shot(page, 'wizard-7-provisioned')

  // One server more on that account, not two.
  expect(await countOn(page, slug)).toBe(before + 1)

  await page.getByTestId('go-to-server').click()
  await expect(page).toHaveURL(/\/servers\/[0-9a-f-]{36}$/)
  await expect(statusOf(page)).toHaveAttribute('data-status', 'running', SETTLE)
  const id = page.url().split('/').pop()!
  return (await (await page.request.get(`/api/servers/${id}`)).json()) as { id: string, name: string }
}

async function stopAndStart(page: Page) {
  await expect(page.getByTestId('power-start')).toBeDisabled()
  const name = (await page.getByTestId('server-name').textContent())!.trim()
  const id = page.url().split('/').pop()!
  // Stopping asks first, saying what happens; a cancel leaves it running.
  await page.getByTestId('power-stop').click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText(`Stop ${name}?`)
  await expect(confirm).toContainText('its sites go offline until it is started again')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  expect((await (await page.request.get(`/api/servers/${id}`)).json()).status).toBe('running')
  await expect(statusOf(page)).toHaveAttribute('data-status', 'running')
  await page.getByTestId('power-stop').click()
  await confirm.getByTestId('confirm-button').click()
  await expect(statusOf(page)).toHaveAttribute('data-status', 'stopped', SETTLE)
  await expect(page.getByTestId('transition-progress')).toBeHidden(SETTLE)
  await expect(page.getByTestId('power-stop')).toBeDisabled()
  // Starting is easy to take back: no question.
  await page.getByTestId('power-start').click()
  await expect(statusOf(page)).toHaveAttribute('data-status', 'running', SETTLE)
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0)
  await expect(page.getByTestId('transition-progress')).toBeHidden(SETTLE)
}

async function reinstall(page: Page, slug: Slug, shots = false) {
  await page.getByTestId('open-reinstall').click()
  const dialog = page.getByTestId('reinstall-dialog')
  await expect(dialog).toBeVisible()
  await pickFirstOption(page, dialog.getByTestId('reinstall-template'))
  if (slug === 'inferno' || slug === 'virtfusion') {
    await dialog.getByTestId('reinstall-dry-run').click()
    await expect(dialog.getByTestId('dry-run-result')).toBeVisible()
  }
  else {
    await expect(dialog.getByTestId('reinstall-dry-run')).toHaveCount(0)
  }
  if (shots) await shot(page, `dialog-reinstall-${slug}`)
  await dialog.getByTestId('reinstall-submit').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Reinstalling' })).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(statusOf(page)).toHaveAttribute('data-status', 'running', SETTLE)
  await expect(page.getByTestId('transition-progress')).toBeHidden(SETTLE)
}

async function deleteThroughDialog(page: Page, name: string, expected: RegExp) {
  await page.getByTestId('open-destroy').click()
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog.getByTestId('confirm-button')).toBeDisabled()
  await dialog.getByTestId('confirm-input').locator('input').fill(name)
  await dialog.getByTestId('confirm-button').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: expected })).toBeVisible()
  await expect(page).toHaveURL(/\/servers$/)
}

test('VirtFusion: wizard create → running, stop/start, reinstall, delete (with the tour of its page)', async ({ page }) => {
  await ensureAdmin(page)
  const server = await createThroughWizard(page, 'virtfusion', true)
  // The pasted key reached VirtFusion with the build (pushed to the user's keys first).
  const log = await (await page.request.get(`${SANDBOX_ORIGIN}/__sandbox/requests`, { params: { provider: 'virtfusion' } })).json()
  const build = log.filter((r: { method: string, path: string }) => r.method === 'POST' && /\/build$/.test(r.path)).at(-1)
  expect(build.body.hostname).toBe(hostnameFor('virtfusion'))
  expect(build.body.sshKeys?.length).toBe(1)
  await shot(page, 'server-detail')
  await stopAndStart(page)
  await reinstall(page, 'virtfusion', true)

  // Suspend and unsuspend (admin only), each shown as it settles.
  await page.getByTestId('power-suspend').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText(`Suspend ${server.name}?`)
  await expect(page.getByTestId('confirm-dialog')).toContainText('cannot start it until an administrator unsuspends it')
  await page.getByTestId('confirm-button').click()
  await expect(statusOf(page)).toHaveAttribute('data-status', 'suspended', SETTLE)
  await expect(page.getByTestId('suspended-banner')).toBeVisible()
  // Once the chip says suspended, nothing says it is still waiting for that.
  await expect(page.getByTestId('transition-progress')).toBeHidden(SETTLE)
  await expect(page.getByTestId('power-start')).toHaveAttribute('data-reason', /suspended/)
  await page.getByTestId('power-unsuspend').click()
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0)
  await expect(statusOf(page)).not.toHaveAttribute('data-status', 'suspended', SETTLE)
  await expect(page.getByTestId('transition-progress')).toBeHidden(SETTLE)
  if (await statusOf(page).getAttribute('data-status') === 'stopped') {
    await page.getByTestId('power-start').click()
    await expect(statusOf(page)).toHaveAttribute('data-status', 'running', SETTLE)
  }

  // Resize to a bigger package: the new memory shows once VirtFusion has applied it.
  await page.getByTestId('open-resize').click()
  const resize = page.getByTestId('resize-dialog')
  await expect(resize.locator('[data-testid^="resize-plan-"]').first()).toBeVisible()
  await resize.getByText('VPS Medium').click()
  await shot(page, 'dialog-resize')
  await resize.getByTestId('resize-submit').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'is moving to VPS Medium' })).toBeVisible()
  await expect(page.getByTestId('spec-memory')).toHaveText('4 GB', SETTLE)
  await expect(page.getByTestId('transition-progress')).toBeHidden(SETTLE)

  await page.getByTestId('root-password-reveal').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('only way to show it is to set a new one')
  await shot(page, 'dialog-root-password-virtfusion')
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('root-password-value').locator('input')).not.toHaveValue('')

  await page.getByTestId('raw-record').getByText('Raw provider record').click()
  await expect(page.getByTestId('raw-record').locator('pre')).toContainText('"id"')

  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, 'server-detail-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'server-detail-mobile-dark')
  await page.getByTestId('theme-toggle').click()
  await page.setViewportSize({ width: 1280, height: 800 })

  await page.getByTestId('open-destroy').click()
  await expect(page.getByTestId('delete-delay')).toBeVisible()
  await page.getByTestId('confirm-input').locator('input').fill(server.name)
  await shot(page, 'dialog-delete-virtfusion')
  await page.keyboard.press('Escape')
  await deleteThroughDialog(page, server.name, /deleted/)
  const after = await (await page.request.get('/api/servers', { params: { q: hostnameFor('virtfusion') } })).json()
  expect(after.items.filter((s: { gone: boolean }) => !s.gone)).toHaveLength(0)
  // Kept for the record, marked gone; nothing can be done to it any more.
  await page.goto(`/servers/${server.id}`)
  await expect(page.getByTestId('gone-banner')).toBeVisible()
  await expect(statusOf(page)).toHaveAttribute('data-status', 'gone')
  await expect(page.getByTestId('power-stop')).toBeDisabled()
  await expect(page.getByTestId('open-destroy')).toBeDisabled()
  await shot(page, 'server-detail-gone')

  // The list leaves it out; the Deleted filter shows it, without its old addresses.
  const gone = await (await page.request.get('/api/servers', { params: { q: hostnameFor('virtfusion'), deleted: 'true' } })).json()
  expect(gone.items.find((s: { id: string }) => s.id === server.id)).toMatchObject({ gone: true, ipv4: [], ipv6: [] })
  await page.goto(`/servers?q=${hostnameFor('virtfusion')}`)
  await expect(page.getByTestId('servers-no-match')).toBeVisible()
  await page.getByTestId('filter-status').click()
  await page.getByRole('option', { name: 'Deleted' }).click()
  await expect(page).toHaveURL(/deleted=true/)
  const row = rowOf(page, server.name)
  await expect(row.getByTestId('server-status')).toHaveAttribute('data-status', 'gone')
  await expect(row.locator('.font-monospace').first()).toHaveText('—')
  await shot(page, 'servers-deleted-filter')
})

test('Virtua.cloud: wizard create → running, stop/start, reinstall, reveal the root password, delete', async ({ page }) => {
  await ensureAdmin(page)
  const server = await createThroughWizard(page, 'virtua')
  await stopAndStart(page)
  await reinstall(page, 'virtua')
  await page.getByTestId('root-password-reveal').click()
  await expect(page.getByTestId('root-password-value').locator('input')).not.toHaveValue('')
  await shot(page, 'server-detail-password')
  await deleteThroughDialog(page, server.name, /deleted/)
})

test('Hostinger: wizard create → running, stop/start, reinstall; delete is explained, not offered', async ({ page }) => {
  await ensureAdmin(page)
  await createThroughWizard(page, 'hostinger')
  await stopAndStart(page)
  await reinstall(page, 'hostinger')
  const del = page.getByTestId('open-destroy')
  await expect(del).toBeDisabled()
  await expect(del).toHaveAttribute('data-reason', /cannot delete a VM/)
  await expect(page.getByTestId('destroy-reason')).toContainText('cancel the subscription in hPanel')
  await expect(page.getByTestId('root-password-reveal')).toBeDisabled()
  await del.locator('xpath=..').hover()
  await expect(page.getByRole('tooltip', { name: /cannot delete a VM/ })).toBeVisible()
  await shot(page, 'server-detail-hostinger-no-delete')
})

test('Inferno: wizard create (order → install) → running, stop/start, dry-run + reinstall; an unpaid order is cancelled', async ({ page }) => {
  await ensureAdmin(page)
  await createThroughWizard(page, 'inferno')
  await stopAndStart(page)
  await reinstall(page, 'inferno', true)
  // Only unpaid orders can be cancelled through Inferno's API; this one is active.
  await expect(page.getByTestId('open-destroy')).toBeDisabled()
  await expect(page.getByTestId('open-destroy')).toHaveAttribute('data-reason', /Pending/)

  // The sandbox keeps one order unpaid forever: that one can go.
  await page.goto('/servers?provider=inferno&status=pending')
  const row = page.getByTestId('server-link').filter({ hasText: 'Inferno order 47200' })
  await row.click()
  await expect(statusOf(page)).toHaveAttribute('data-status', 'pending')
  await expect(page.getByTestId('open-destroy')).toBeEnabled()
  await deleteThroughDialog(page, 'Inferno order 47200', /cancelled/)
})

test('phone and dark mode: the wizard and a dialog stay usable at 390 px', async ({ page }) => {
  await ensureAdmin(page)
  await connectSandbox(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/servers/new')
  await page.getByTestId('theme-toggle').click()
  await page.getByTestId('wizard-account-virtua').click()
  await shot(page, 'wizard-mobile-dark-account')
  await next(page)
  await expect(page.locator('[data-testid^="wizard-plan-"]').first()).toBeVisible()
  await animationsDone(page) // the step's slide-in
  await shot(page, 'wizard-mobile-dark-plan')
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

  const list = await (await page.request.get('/api/servers', { params: { provider: 'virtua', status: 'running' } })).json()
  await page.goto(`/servers/${list.items.find((s: { gone: boolean }) => !s.gone).id}`)
  await expect(statusOf(page)).toHaveAttribute('data-status', 'running')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.getByTestId('open-reinstall').click()
  await expect(page.getByTestId('reinstall-dialog')).toBeVisible()
  await shot(page, 'dialog-reinstall-mobile-dark')
  await page.keyboard.press('Escape')
  await page.getByTestId('theme-toggle').click()
})
