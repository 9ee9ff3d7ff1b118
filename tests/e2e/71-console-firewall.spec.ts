/**
 * The server console and firewalls, end to end: noVNC in the server page connects through the
 * VirtFusion simulator's panel websocket to a real VNC server (Xvfb + x11vnc + websockify) and
 * draws its framebuffer; an account firewall gets a rule that is then synced to its server; a
 * VirtFusion server's own firewall is switched on with a ruleset. Screenshots in .data/screenshots.
 */
import { expect, test, type Page } from '@playwright/test'
import { animationsDone, ensureAdmin, shot } from './helpers'

test.describe.configure({ mode: 'serial', timeout: 120_000 })
const RUN = Date.now().toString(36).slice(-5)

async function serverId(page: Page, account: string, upstreamId: string): Promise<string> {
  return (await serverOf(page, account, upstreamId)).id
}

async function serverOf(page: Page, account: string, upstreamId: string): Promise<{ id: string, name: string }> {
  const connect = await page.request.post('/api/hosting/sandbox/connect')
  expect(connect.ok()).toBe(true)
  expect((await page.request.post('/api/servers/sync', { data: { wait: true } })).ok()).toBe(true)
  const list = await (await page.request.get(`/api/servers?account=${account}&per_page=100`)).json()
  const s = list.items.find((x: { upstream_id: string }) => x.upstream_id === upstreamId)
  expect(s, `${account} ${upstreamId} in the inventory`).toBeTruthy()
  return s
}

/** The colour of one pixel of the console's canvas (the Xvfb root window is #1e6fb8 = 30,111,184). */
const pixel = (page: Page, fx: number, fy: number) => page.getByTestId('console-screen').locator('canvas').evaluate((c: HTMLCanvasElement, [x, y]) => {
  const d = c.getContext('2d')!.getImageData(Math.floor(c.width * x!), Math.floor(c.height * y!), 1, 1).data
  return [d[0], d[1], d[2]]
}, [fx, fy])

test('the console connects to a real VNC server and shows its framebuffer', async ({ page }) => {
  await ensureAdmin(page)
  const id = await serverId(page, 'virtfusion', '101')
  await page.goto(`/servers/${id}?tab=console`)
  const card = page.getByTestId('console-card')
  await card.scrollIntoViewIfNeeded()
  await card.getByTestId('console-connect').click()
  const frame = card.getByTestId('console-frame')
  await expect(frame).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  // The root window's colour arrives with the first framebuffer update (bottom right: outside the xterm).
  await expect.poll(() => pixel(page, 0.95, 0.95), { timeout: 20_000 }).toEqual([30, 111, 184])
  // The xterm (near black) at the top left, inside its 60 px offset window.
  await expect.poll(async () => (await pixel(page, 0.2, 0.15)).every(v => v < 40), { timeout: 20_000 }).toBe(true)
  await frame.screenshot({ path: '.data/screenshots/console-vnc.png' })
  await shot(page, 'console-server-page')

  await card.getByTestId('console-cad').click()
  await expect(frame).toHaveAttribute('data-state', 'connected')
  await card.getByTestId('console-disconnect').click()
  await expect(card.getByTestId('console-connect')).toBeVisible()
  await expect(frame).toBeHidden()
})

test('a provider without a console says why; its firewalls are managed on the account', async ({ page }) => {
  await ensureAdmin(page)
  const hostinger = await serverId(page, 'hostinger', '1268054')
  await page.goto(`/servers/${hostinger}`)
  // No console tab where the provider has none (the capability matrix says why).
  await expect(page.getByTestId('tab-network-button')).toBeVisible()
  await expect(page.getByTestId('tab-console-button')).toHaveCount(0)
  await page.getByTestId('tab-network-button').click()
  await expect(page.getByTestId('firewall-manage')).toBeVisible()
})

test('an account firewall gets a rule, is activated on a server and synced', async ({ page }) => {
  await ensureAdmin(page)
  const target = await serverOf(page, 'hostinger', '1268054')
  await page.goto('/')
  await page.getByTestId('nav-drawer').getByText('Firewalls').click()
  await expect(page).toHaveURL(/\/firewalls/)
  const name = `e2e-web-${RUN}`
  await page.getByTestId('firewall-new-name').locator('input').fill(name)
  await page.getByTestId('firewall-create').click()
  const fw = page.locator(`[data-name="${name}"]`)
  await expect(fw).toBeVisible()
  await expect(fw.getByTestId('firewall-vm')).toHaveCount(0)

  // Activate it on a server.
  await fw.getByTestId('firewall-attach-select').click()
  await page.getByRole('option', { name: target.name }).click()
  await fw.getByTestId('firewall-attach').click()
  await expect(fw.getByTestId('firewall-vm')).toHaveCount(1)

  // Add a rule: the firewall is then out of sync with its server.
  await fw.getByTestId('rule-add').click()
  const dialog = page.getByTestId('firewall-rule-dialog')
  await dialog.getByTestId('rule-port').locator('input').fill('443')
  await dialog.getByTestId('rule-source').click()
  await page.getByRole('option', { name: 'An address or network' }).click()
  await dialog.getByTestId('rule-source-detail').locator('input').fill('203.0.113.0/24')
  await dialog.getByTestId('rule-save').click()
  await expect(dialog).toBeHidden()
  await expect(fw.getByTestId('firewall-rule-row')).toHaveCount(1)
  await expect(fw.getByTestId('firewall-rule-row')).toContainText('203.0.113.0/24')
  await expect(fw.getByTestId('firewall-sync-state')).toHaveAttribute('data-synced', 'false')
  await animationsDone(page)
  await shot(page, 'firewalls-unsynced')

  await fw.getByTestId('firewall-sync').click()
  await expect(fw.getByTestId('firewall-sync-state')).toHaveAttribute('data-synced', 'true')
  await animationsDone(page)
  await shot(page, 'firewalls-synced')

  // The server's page names the firewall active on it.
  await page.goto(`/servers/${target.id}?tab=network`)
  await expect(page.getByTestId('firewall-active-here')).toContainText(`Active firewall: ${name}`)
  await page.goBack()
  await expect(fw.getByTestId('firewall-rule-row')).toHaveCount(1)

  // Deleting the rule asks first.
  await fw.getByTestId('rule-delete').click()
  await page.getByTestId('confirm-button').click()
  await expect(fw.getByTestId('firewall-rule-row')).toHaveCount(0)
})

test('a VirtFusion server\'s own firewall: a ruleset applied, switched on, and off after a confirmation', async ({ page }) => {
  await ensureAdmin(page)
  const id = await serverId(page, 'virtfusion', '102')
  await page.goto(`/servers/${id}?tab=network`)
  const card = page.getByTestId('firewall-card')
  await card.scrollIntoViewIfNeeded()
  await expect(card.getByTestId('firewall-no-rules')).toBeVisible()
  const sets = card.getByTestId('firewall-rulesets').locator('input')
  await sets.fill('1')
  await sets.press('Enter')
  await card.getByTestId('firewall-apply').click()
  await expect(card.getByTestId('firewall-rules')).toContainText('22')
  await card.getByTestId('firewall-enabled').locator('input').check()
  await expect(card.getByTestId('firewall-state')).toContainText('on')
  await card.getByTestId('firewall-enabled').locator('input').uncheck()
  await page.getByTestId('confirm-button').click()
  await expect(card.getByTestId('firewall-state')).toContainText('off')
  await shot(page, 'firewall-server')
})

test('console and firewalls on a 390 px phone in the dark theme', async ({ page, context }) => {
  await ensureAdmin(page)
  const id = await serverId(page, 'virtfusion', '101')
  await context.addCookies([{ name: 'theme', value: 'dark', url: page.url() }])
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/servers/${id}?tab=console`)
  const card = page.getByTestId('console-card')
  await card.scrollIntoViewIfNeeded()
  await card.getByTestId('console-connect').click()
  await expect(card.getByTestId('console-frame')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  await expect.poll(() => pixel(page, 0.95, 0.95), { timeout: 20_000 }).toEqual([30, 111, 184])
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await card.screenshot({ path: '.data/screenshots/console-phone-dark.png' })
  await page.getByTestId('tab-network-button').click()
  await page.getByTestId('firewall-card').screenshot({ path: '.data/screenshots/firewall-phone-dark.png' })
  await page.goto('/firewalls')
  await expect(page.getByTestId('provider-firewalls')).toBeVisible()
  await animationsDone(page)
  await shot(page, 'firewalls-phone-dark')
})
