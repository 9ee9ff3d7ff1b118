import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { animationsDone, ensureAdmin, shot } from './helpers'

// Day-2 operations on the sandbox's Hostinger VM: graphs with data, a snapshot taken and restored,
// a reverse DNS record set and shown. The sandbox settles each action in a few seconds.
test.describe.configure({ mode: 'serial', timeout: 120_000 })
const SETTLE = { timeout: 45_000 }

/** Critical and serious axe findings on the tab in view (the axe spec visits the Overview). */
async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).setLegacyMode().analyze()
  return violations.filter(v => v.impact === 'critical' || v.impact === 'serious').map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`)
}

async function hostingerServer(page: Page): Promise<{ id: string, ipv4: string[] }> {
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  expect((await page.request.post('/api/servers/sync', { data: { wait: true } })).ok()).toBe(true)
  const list = await (await page.request.get('/api/servers?provider=hostinger&per_page=100')).json()
  const vm = list.items.find((s: { upstream_id: string }) => s.upstream_id === '1268054')
  expect(vm).toBeTruthy()
  return vm
}

test('graphs, snapshot take and restore, reverse DNS on a Hostinger server', async ({ page }) => {
  await ensureAdmin(page)
  const vm = await hostingerServer(page)

  // Graphs: a reload keeps the tab (?tab=graphs); each series is drawn.
  await page.goto(`/servers/${vm.id}?tab=graphs`)
  await expect(page.getByTestId('tab-graphs')).toBeVisible()
  for (const c of ['cpu', 'memory', 'disk', 'net']) await expect(page.getByTestId(`chart-${c}`).locator('canvas').first()).toBeVisible(SETTLE)
  await expect(page.getByTestId('uptime')).toContainText(/\d+ d/)
  await page.getByTestId('range-7d').click()
  await expect(page.getByTestId('chart-cpu').locator('canvas').first()).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('tab-graphs')).toBeVisible()
  await expect(page.getByTestId('chart-cpu').locator('canvas').first()).toBeVisible(SETTLE)
  await animationsDone(page)
  await shot(page, 'server-ops-graphs')
  expect(await axe(page)).toEqual([])

  // Snapshots: Hostinger's rule said plainly; take one, then restore it, each confirmed and followed.
  await page.getByTestId('tab-snapshots-button').click()
  await expect(page).toHaveURL(/tab=snapshots/)
  await expect(page.getByTestId('snapshot-rule')).toContainText('Hostinger keeps one snapshot per VM: taking a new one replaces it')
  await expect(page.getByTestId('snapshot-none')).toBeVisible()
  await page.getByTestId('snapshot-take').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('is taken now')
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('ops-progress')).toContainText('Taking the snapshot')
  await expect(page.getByTestId('snapshot-item')).toHaveCount(1, SETTLE)
  await expect(page.getByTestId('ops-progress')).toBeHidden()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Snapshot taken' })).toBeVisible()

  await page.getByTestId('snapshot-restore').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('everything written since is lost')
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('ops-progress')).toContainText('Restoring the snapshot')
  await shot(page, 'server-ops-snapshot-restoring')
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Snapshot restored' })).toBeVisible(SETTLE)
  await expect(page.getByTestId('ops-progress')).toBeHidden()
  await animationsDone(page)
  await shot(page, 'server-ops-snapshots')
  expect(await axe(page)).toEqual([])

  // Network: set reverse DNS of the first address and see it listed.
  const ip = vm.ipv4[0]!
  await page.getByTestId('tab-network-button').click()
  const row = page.getByTestId(`ip-${ip}`)
  await row.getByTestId('ptr-edit').click()
  await row.getByTestId('ptr-input').locator('input').fill('mail.e2e-example.com')
  await row.getByTestId('ptr-save').click()
  await expect(row.getByTestId('ptr-value')).toContainText('mail.e2e-example.com', SETTLE)
  await page.reload()
  await expect(page.getByTestId(`ip-${ip}`).getByTestId('ptr-value')).toContainText('mail.e2e-example.com', SETTLE)
  await shot(page, 'server-ops-network')
  expect(await axe(page)).toEqual([])

  // The provider's log shows what was done.
  await page.getByTestId('tab-activity-button').click()
  await expect(page.getByTestId('activity-list')).toContainText('snapshot_restore', SETTLE)
  await shot(page, 'server-ops-activity')
  expect(await axe(page)).toEqual([])

  await page.getByTestId('tab-settings-button').click()
  await expect(page.getByTestId('settings-hostname')).toBeVisible()
  await shot(page, 'server-ops-settings')
  expect(await axe(page)).toEqual([])

  // Phone and dark theme.
  await page.goto(`/servers/${vm.id}?tab=graphs`)
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByTestId('chart-cpu').locator('canvas').first()).toBeVisible(SETTLE)
  await shot(page, 'server-ops-graphs-mobile')
  await page.getByTestId('theme-toggle').click()
  await animationsDone(page)
  await shot(page, 'server-ops-graphs-mobile-dark')
  expect(await axe(page)).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByTestId('tab-snapshots-button').click()
  await expect(page.getByTestId('snapshot-item')).toHaveCount(1, SETTLE)
  await shot(page, 'server-ops-snapshots-dark')
  await page.getByTestId('theme-toggle').click()
})
