import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { SANDBOX_ORIGIN, ensureAdmin, shot, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const HOSTINGER_KEY = 'hostinger-sandbox-token-0001'
const domain = `e2e-dns-${Date.now().toString(36)}.com`
let slug = 'hostinger'

/** What the screen shows (full-page shots of a long 390px table are too tall to read). */
async function viewShot(page: Page, name: string) {
  mkdirSync('.data/screenshots', { recursive: true })
  await page.screenshot({ path: `.data/screenshots/${name}.png` })
}

/** A Hostinger sandbox account, and a domain of our own (with Hostinger's default zone, 9 records). */
async function prepare(page: Page) {
  const accounts: { slug: string, type: string, connected: boolean, settings: Record<string, unknown> }[] = await (await page.request.get('/api/hosting/providers')).json()
  let account = accounts.find(a => a.type === 'hostinger' && String(a.settings.base_url ?? '').startsWith(SANDBOX_ORIGIN))
  if (!account) {
    await page.request.post('/api/hosting/sandbox/connect')
    account = (await (await page.request.get('/api/hosting/providers')).json()).find((a: { type: string }) => a.type === 'hostinger')
  }
  slug = account!.slug
  const res = await page.request.post(`${SANDBOX_ORIGIN}/hostinger/api/domains/v1/portfolio`, {
    headers: { authorization: `Bearer ${HOSTINGER_KEY}` },
    data: { domain, item_id: 'hostingercom-domain-com-usd-1y' },
  })
  expect(res.ok()).toBe(true)
}

test('the zones page lists the zone with its provider and record count', async ({ page }) => {
  await ensureAdmin(page)
  await prepare(page)
  await page.goto('/dns')
  await expect(page.getByRole('link', { name: 'DNS', exact: true })).toBeVisible()
  const link = page.getByTestId(`dns-zone-${domain}`)
  await expect(link).toBeVisible({ timeout: 30_000 })
  const row = page.locator('tr', { has: link })
  await expect(row).toContainText('Hostinger')
  await expect(row).toContainText('9')
  await shot(page, 'dns-zones')
})

test('add an MX record through the dialog, see the diff, apply, find it in the table', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto(`/dns/${slug}/${domain}`)
  await expect(page.getByTestId('dns-zone-title')).toHaveText(domain)
  await expect(page.getByTestId('dns-records')).toContainText('mx1.hostinger.com')

  await page.getByTestId('dns-add-record').click()
  const dialog = page.getByTestId('dns-record-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('record-type').click()
  await page.getByRole('option', { name: 'MX', exact: true }).click()
  await dialog.getByTestId('record-name').locator('input').fill('@')
  await dialog.getByTestId('record-priority').locator('input').fill('15')
  // A single label is refused with the server's own message.
  await dialog.getByTestId('record-content').locator('input').fill('mail')
  await dialog.getByTestId('record-ttl').locator('input').fill('14400')
  await dialog.getByTestId('record-save').click()
  await expect(dialog).toContainText('Mail server must be a full host name like "mail.example.com"')
  await dialog.getByTestId('record-content').locator('input').fill('mx-e2e.example.org')
  await shot(page, 'dns-add-dialog')
  await dialog.getByTestId('record-save').click()
  await expect(dialog).toBeHidden()

  const tray = page.getByTestId('dns-tray')
  await expect(tray).toBeVisible()
  await expect(tray.getByTestId('dns-tray-summary')).toContainText('1 to add (9 unchanged)')
  await expect(tray.getByTestId('dns-plan-add')).toContainText('15 mx-e2e.example.org')
  await expect(page.getByTestId('dns-row-MX-@').filter({ hasText: 'mx-e2e.example.org' })).toContainText('new')
  await shot(page, 'dns-pending')

  await tray.getByTestId('dns-apply').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Applied: 1 to add' })).toBeVisible()
  await expect(tray).toBeHidden()
  const row = page.getByTestId('dns-row-MX-@').filter({ hasText: 'mx-e2e.example.org' })
  await expect(row).toBeVisible()
  await expect(row).toContainText('15')
  await expect(row.getByTestId('dns-row-state')).toHaveCount(0)
  const live = await (await page.request.get(`/api/hosting/providers/${slug}/dns/${domain}`)).json()
  expect(live).toContainEqual(expect.objectContaining({ type: 'MX', content: 'mx-e2e.example.org', priority: 15 }))
  await shot(page, 'dns-zone')
})

test('inline edit and filters; a big bulk delete asks for force', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto(`/dns/${slug}/${domain}`)
  await expect(page.getByTestId('dns-records')).toContainText('mx-e2e.example.org')

  // Filter by type, then edit the TTL of the A record at ftp in place.
  await page.getByTestId('dns-filter-name').locator('input').fill('ftp')
  const ftp = page.getByTestId('dns-row-A-ftp')
  await expect(page.getByTestId('dns-records').locator('tbody tr')).toHaveCount(1)
  await ftp.getByRole('button', { name: 'Edit' }).click()
  await ftp.getByTestId('dns-edit-ttl').locator('input').fill('30')
  await expect(ftp).toContainText('TTL must be a whole number of seconds from 60')
  await ftp.getByTestId('dns-edit-ttl').locator('input').fill('600')
  await ftp.getByTestId('dns-edit-save').click()
  await expect(page.getByTestId('dns-plan-change')).toContainText('14400')
  await expect(page.getByTestId('dns-plan-change')).toContainText('600')
  await page.getByTestId('dns-filter-name').locator('input').fill('')

  // 1 change + 4 deletions of 10 records: over 30%, so the server asks first.
  const table = page.getByTestId('dns-records')
  for (const id of ['dns-row-MX-@', 'dns-row-CAA-@', 'dns-row-CNAME-www']) {
    await table.getByTestId(id).first().locator('input[type=checkbox]').check()
  }
  await table.getByTestId('dns-row-MX-@').nth(1).locator('input[type=checkbox]').check()
  await page.getByTestId('dns-bulk-delete').click()
  await expect(page.getByTestId('dns-plan-delete')).toHaveCount(4)
  await shot(page, 'dns-bulk-pending')
  await page.getByTestId('dns-apply').click()

  const confirm = page.getByTestId('dns-plan-dialog')
  await expect(confirm.getByTestId('dns-unsafe-warning')).toBeVisible()
  await expect(confirm).toContainText('more than 30%')
  await expect(confirm.getByTestId('dns-plan-confirm')).toBeDisabled()
  await shot(page, 'dns-unsafe')
  await confirm.getByTestId('dns-force-check').locator('input').check()
  await confirm.getByTestId('dns-plan-confirm').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: '1 to change, 4 to delete' })).toBeVisible()
  await expect(page.getByTestId('dns-tray')).toBeHidden()
  await expect(table.getByTestId('dns-row-CAA-@')).toHaveCount(0)
})

test('history restores a snapshot after showing its plan; import and export', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto(`/dns/${slug}/${domain}`)
  await page.getByTestId('dns-tab-history').click()
  await expect(page.getByTestId('dns-snapshot-panel')).toHaveCount(2)
  await expect(page.getByTestId('dns-snapshot-provider').first()).toBeVisible()
  await shot(page, 'dns-history')
  // The older of our two snapshots: the zone before the MX was added.
  await page.getByTestId('dns-snapshot-panel').nth(1).getByTestId('dns-restore').click()
  const dialog = page.getByTestId('dns-plan-dialog')
  // 6 records now: under 10, so no force is needed; the MX we added becomes one of the old ones.
  await expect(dialog.getByTestId('dns-plan')).toContainText('mx-e2e.example.org')
  await expect(dialog.getByTestId('dns-plan-add').first()).toBeVisible()
  await expect(dialog.getByTestId('dns-unsafe-warning')).toHaveCount(0)
  await shot(page, 'dns-restore-plan')
  await dialog.getByTestId('dns-plan-confirm').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Snapshot restored' })).toBeVisible()
  const live = await (await page.request.get(`/api/hosting/providers/${slug}/dns/${domain}`)).json()
  expect(live).toHaveLength(9)

  await page.getByTestId('dns-tab-files').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('dns-export').click()
  expect((await download).suggestedFilename()).toBe(`${domain}.zone`)

  await page.getByTestId('dns-import-text').locator('textarea').fill(`$ORIGIN ${domain}.\n$TTL 3600\nbroken IN A 999.1.1.1\n`)
  await page.getByTestId('dns-import-preview').click()
  await expect(page.getByTestId('dns-import-error')).toContainText('line 3')
  await page.getByTestId('dns-import-text').locator('textarea').fill(`$ORIGIN ${domain}.\n$TTL 3600\napi IN A 192.0.2.44\n`)
  await page.getByTestId('dns-import-preview').click()
  await expect(dialog.getByTestId('dns-plan-add')).toContainText('192.0.2.44')
  await shot(page, 'dns-import-plan')
  await dialog.getByTestId('dns-plan-confirm').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Zone file imported: 1 to add' })).toBeVisible()
})

test('narrow and dark screens', async ({ page }) => {
  await ensureAdmin(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/dns')
  await expect(page.getByTestId(`dns-zone-${domain}`)).toBeVisible({ timeout: 30_000 })
  await shot(page, 'dns-zones-390')
  await page.goto(`/dns/${slug}/${domain}`)
  await expect(page.getByTestId('dns-records')).toContainText('192.0.2.44')
  // On a phone each record is one compact row, not a card of every column (that made ~800 px a record).
  const rowHeights = await page.getByTestId('dns-records').locator('tbody tr.dns-row').evaluateAll(rows => rows.map(r => r.getBoundingClientRect().height))
  expect(rowHeights.length).toBeGreaterThan(3)
  expect(Math.max(...rowHeights)).toBeLessThan(90)
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
  test.info().annotations.push({ type: 'zone page height at 390 px', description: `${pageHeight} px for ${rowHeights.length} records` })
  console.log(`zone page at 390 px: ${pageHeight} px high, ${rowHeights.length} records`)
  // Actions sit in each row's menu.
  await page.getByTestId('dns-row-A-api').getByTestId('dns-row-menu').click()
  await page.getByTestId('dns-delete-api/A/0').click()
  await expect(page.getByTestId('dns-tray')).toBeVisible()
  await expect(page.getByTestId('dns-row-A-api').getByTestId('dns-row-state')).toHaveText('to delete')
  await shot(page, 'dns-zone-390')
  await viewShot(page, 'dns-zone-390-view')
  await page.getByTestId('dns-add-record').click()
  await page.getByTestId('record-type').click()
  await page.getByRole('option', { name: 'SRV', exact: true }).click()
  await shot(page, 'dns-add-srv-390')
  await viewShot(page, 'dns-add-srv-390-view')
  await page.keyboard.press('Escape')

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByTestId('theme-toggle').click()
  await page.getByTestId('dns-add-record').click()
  await page.getByTestId('record-type').click()
  await page.getByRole('option', { name: 'CAA', exact: true }).click()
  await page.getByTestId('record-name').locator('input').fill('@')
  await page.getByTestId('record-flags').locator('input').fill('300')
  await page.getByTestId('record-value').locator('input').fill('letsencrypt.org')
  await page.getByTestId('record-save').click()
  await expect(page.getByTestId('record-content-error')).toContainText(/flags/i)
  await shot(page, 'dns-add-caa-dark')
  await page.keyboard.press('Escape')
  await shot(page, 'dns-zone-dark')
  await page.getByTestId('dns-tab-history').click()
  await expect(page.getByTestId('dns-history')).toBeVisible()
  await viewShot(page, 'dns-history-dark')
  await page.getByTestId('dns-tab-records').click()
  await page.getByTestId('theme-toggle').click()
})

test('a customer sees only their zones, and an empty page before any is assigned', async ({ page }) => {
  await ensureAdmin(page)
  const email = `dns-customer-${Date.now()}@example.com`
  const created = await page.request.post('/api/users', { data: { email, name: 'Dina Customer', password: 'customer-pass-123', role: 'customer' } })
  const customer = await created.json()
  await page.request.post('/api/auth/logout')
  await page.context().clearCookies()
  await signIn(page, { name: 'Dina Customer', email, password: 'customer-pass-123' })
  await page.goto('/dns')
  await expect(page.getByTestId('dns-zones-empty')).toContainText('No zones assigned to you')
  await shot(page, 'dns-zones-customer-empty')

  await page.context().clearCookies()
  await ensureAdmin(page)
  expect((await page.request.put(`/api/dns/zones/${slug}/${domain}/assignment`, { data: { owner_id: customer.id } })).ok()).toBe(true)
  await page.goto('/dns')
  await expect(page.locator('tr', { has: page.getByTestId(`dns-zone-${domain}`) })).toContainText('Dina Customer')

  await page.context().clearCookies()
  await signIn(page, { name: 'Dina Customer', email, password: 'customer-pass-123' })
  await page.goto('/dns')
  await expect(page.getByTestId(`dns-zone-${domain}`)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('dns-zones').locator('tbody tr')).toHaveCount(1)
  // White label: the zone is addressed by its name alone; no account in the list, the URL or the page.
  await expect(page.getByTestId('dns-zones')).not.toContainText(slug)
  await page.getByTestId(`dns-zone-${domain}`).click()
  await expect(page).toHaveURL(new RegExp(`/dns/${domain.replace(/\./g, '\\.')}$`))
  await expect(page.getByTestId('dns-records')).toBeVisible()
  // The heading names the zone and its size, not the account (the records are the zone's own words).
  await expect(page.getByTestId('dns-zone-title').locator('..')).toContainText('records')
  await expect(page.getByTestId('dns-zone-title').locator('..')).not.toContainText(slug)
  await page.goto('/dns/example.com')
  await expect(page.getByTestId('dns-zone-error')).toContainText('No DNS zone example.com')
})

test('resetting the zone shows its plan first; a cancel keeps the records, a yes resets them', async ({ page }) => {
  await ensureAdmin(page)
  const records = async () => (await (await page.request.get(`/api/hosting/providers/${slug}/dns/${domain}`)).json()) as { type: string, name: string, content: string }[]
  const marker = `reset-marker-${Date.now().toString(36)}`
  expect((await page.request.post(`/api/hosting/providers/${slug}/dns/${domain}`, { data: { type: 'TXT', name: marker, content: 'kept until the reset' } })).status()).toBe(201)
  const hasMarker = async () => (await records()).some(r => r.name.startsWith(marker))
  expect(await hasMarker()).toBe(true)

  await page.goto(`/dns/${slug}/${domain}`)
  await expect(page.getByTestId('dns-records')).toContainText(marker)
  await page.getByTestId('dns-more').click()
  await page.getByTestId('dns-reset').click()
  const dialog = page.getByTestId('dns-plan-dialog')
  await expect(dialog).toContainText(`Reset ${domain} to the provider's default records?`)
  await expect(dialog).toContainText(marker)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await hasMarker()).toBe(true)

  await page.getByTestId('dns-more').click()
  await page.getByTestId('dns-reset').click()
  if (await dialog.getByTestId('dns-force-check').count()) await dialog.getByTestId('dns-force-check').locator('input').check()
  await dialog.getByTestId('dns-plan-confirm').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Zone reset' })).toBeVisible()
  await expect.poll(hasMarker).toBe(false)
})
