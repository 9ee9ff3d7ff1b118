/**
 * Issue 16, the network and activity work end to end: on a VirtFusion server an address is added
 * (after a warning that it may be billed) and removed (after a confirmation), a backup plan is
 * assigned, the activity tab shows our record of it, and the link-type console opens the panel's
 * own page signed in as the server's owner. On the Hostinger VM a reverse DNS name missing from
 * our zone is flagged and its A record created with one click until it is forward-confirmed.
 * Screenshots (light, dark, phone, Russian) in .data/screenshots; axe stays clean on each tab.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { animationsDone, ensureAdmin, shot } from './helpers'

test.describe.configure({ mode: 'serial', timeout: 180_000 })
const RUN = Date.now().toString(36).slice(-5)
const SETTLE = { timeout: 45_000 }

/** Critical and serious axe findings, once transitions are over: a toast fading out has, for that moment, too little contrast. */
async function axe(page: Page) {
  await animationsDone(page)
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).setLegacyMode().analyze()
  return violations.filter(v => v.impact === 'critical' || v.impact === 'serious').map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`)
}

/** A new VirtFusion server owned by the panel user with an external relation id (Jane, 42), built and running. */
async function janesServer(page: Page): Promise<{ id: string, name: string }> {
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  const hostname = `e2e-net-${RUN}.example.com`
  const made = await page.request.post('/api/servers', {
    data: { account: 'virtfusion', hostname, plan: '1', data_center_id: '1', template: '46', options: { userId: 2 } },
    headers: { 'idempotency-key': crypto.randomUUID() },
  })
  expect(made.status(), await made.text()).toBe(202)
  const id = (await made.json()).server.id as string
  await expect.poll(async () => {
    const s = await (await page.request.get(`/api/servers/${id}?refresh=1`)).json()
    return s.status === 'running' && !s.needs_install && s.ipv4.length > 0
  }, { timeout: 60_000 }).toBe(true)
  return { id, name: hostname }
}

test('addresses, backup plan, activity and the sign-in-link console on a VirtFusion server', async ({ page, context }) => {
  await ensureAdmin(page)
  const vm = await janesServer(page)

  // Network: add one address (warned that it may be billed), then remove it (confirmed).
  await page.goto(`/servers/${vm.id}?tab=network`)
  const list = page.getByTestId('tab-network').locator('[data-ip]')
  // One IPv4 address (and the IPv6 one): none removable, as it is the only IPv4.
  await expect(list.first()).toBeVisible()
  const before = await list.evaluateAll(els => els.map(e => e.getAttribute('data-ip')!))
  await expect(page.getByTestId('ip-remove')).toHaveCount(0)
  await page.getByTestId('ip-add').click()
  const dialog = page.getByTestId('ip-add-dialog')
  await expect(dialog).toContainText('may be billed')
  await animationsDone(page)
  await shot(page, 'server-network-add-ip')
  expect(await axe(page)).toEqual([])
  await dialog.getByTestId('ip-add-confirm').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Address added' })).toBeVisible()
  await expect(list).toHaveCount(before.length + 1, SETTLE)
  const ips = await list.evaluateAll(els => els.map(e => e.getAttribute('data-ip')!))
  const added = ips.find(a => !before.includes(a))!
  await shot(page, 'server-network-two-ips')
  expect(await axe(page)).toEqual([])

  await page.getByTestId(`ip-${added}`).getByTestId('ip-remove').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText(`${added} is taken off`)
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: `${added} removed` })).toBeVisible()
  await expect(list).toHaveCount(before.length, SETTLE)
  // The only IPv4 address left cannot be removed.
  await expect(page.getByTestId('ip-remove')).toHaveCount(0)

  // Snapshots & backups: assign a backup plan by its id (confirmed).
  await page.getByTestId('tab-snapshots-button').click()
  await expect(page.getByTestId('backup-plan-current')).toContainText('No backup plan')
  await page.getByTestId('backup-plan-input').locator('input').fill('1')
  await page.getByTestId('backup-plan-set').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('may be billed')
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('backup-plan-current')).toContainText('Backup plan: Daily, 7 kept (#1)')
  await animationsDone(page)
  await shot(page, 'server-network-backup-plan')
  expect(await axe(page)).toEqual([])

  // Activity: our record of all that, newest first, with who did it.
  await page.getByTestId('tab-activity-button').click()
  const entries = page.getByTestId('activity-list').getByTestId('activity-panel')
  await expect(entries.first()).toContainText('Backup plan changed')
  await expect(entries.filter({ hasText: 'Address removed' })).toHaveCount(1)
  await expect(entries.filter({ hasText: 'Addresses added' })).toContainText(added)
  await expect(entries.first()).toContainText('You')
  await animationsDone(page)
  await shot(page, 'server-network-activity')
  expect(await axe(page)).toEqual([])

  // The link console: a one-time sign-in link to the panel's page of this server, as its owner.
  await page.getByTestId('tab-console-button').click()
  await page.getByTestId('console-link').click()
  const ready = page.getByTestId('console-link-ready')
  await expect(ready).toBeVisible()
  await shot(page, 'server-console-link')
  expect(await axe(page)).toEqual([])
  const [panel] = await Promise.all([context.waitForEvent('page'), page.getByTestId('console-open-provider').click()])
  await panel.waitForLoadState()
  await expect(panel.getByTestId('panel-user')).toHaveText('Signed in as Jane Customer')
  await expect(panel.getByTestId('panel-server')).toContainText(vm.name)
  await panel.close()
  await expect(ready).toBeHidden()

  await page.request.delete(`/api/servers/${vm.id}`, { data: {} })
})

test('reverse DNS missing from our zone: flagged, the A record created, then forward-confirmed', async ({ page }) => {
  await ensureAdmin(page)
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  expect((await page.request.post('/api/servers/sync', { data: { wait: true } })).ok()).toBe(true)
  const servers = await (await page.request.get('/api/servers?provider=hostinger&per_page=100')).json()
  const vm = servers.items.find((s: { upstream_id: string }) => s.upstream_id === '1268054')
  const ip = vm.ipv4[0] as string
  const host = `e2e-${RUN}.shop.example.net`
  expect((await page.request.put(`/api/servers/${vm.id}/ptr`, { data: { ip, domain: host } })).ok()).toBe(true)

  await page.goto(`/servers/${vm.id}?tab=network`)
  const check = page.getByTestId(`ip-${ip}`).getByTestId('ptr-check')
  await expect(check).toHaveAttribute('data-status', 'missing', SETTLE)
  await expect(check).toContainText(`The A record for ${host} does not point to this IP`)
  await expect(check.getByTestId('ptr-create-record')).toHaveText(/Create the A record in zone shop\.example\.net/)
  await animationsDone(page)
  await shot(page, 'server-network-ptr-missing')
  expect(await axe(page)).toEqual([])

  await check.getByTestId('ptr-create-record').click()
  await expect(check).toHaveAttribute('data-status', 'confirmed', SETTLE)
  await expect(check).toContainText('Forward-confirmed')
  await shot(page, 'server-network-ptr-confirmed')

  // Phone, dark, then Russian.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByTestId('theme-toggle').click()
  await animationsDone(page)
  await shot(page, 'server-network-mobile-dark')
  expect(await axe(page)).toEqual([])
  await page.getByTestId('theme-toggle').click()
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByTestId('language-menu').click()
  await page.getByTestId('language-ru').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(check).toContainText('Прямая запись подтверждена')
  await page.getByTestId('tab-activity-button').click()
  await expect(page.getByTestId('activity-list')).toContainText('Обратная DNS-запись задана')
  await animationsDone(page)
  await shot(page, 'server-network-activity-ru')
  await page.getByTestId('language-menu').click()
  await page.getByTestId('language-en').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
