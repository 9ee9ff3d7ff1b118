/**
 * White label in the browser: a customer who owns a server on every sandbox provider walks their
 * pages (dashboard, servers and every tab of each, orders, ordering, keys, DNS, domains, account)
 * and neither the rendered HTML nor the visible text names a provider, an account slug or a
 * server's upstream id. The brand set by the admin names the product instead.
 */
import { randomUUID } from 'node:crypto'
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { ensureAdmin, shot, signIn } from './helpers'

const PROVIDER_NAMES = /virtfusion|virtua|hostinger|inferno/i
const RUN = Date.now().toString(36)
const CUSTOMER = { name: 'Wes Walker', email: `wes${RUN}@example.com`, password: 'wes-password-123' }
/** Mappings and templates that work against the sandbox catalogs (as the server suites use). */
const SETUP: Record<string, { mapping: Record<string, string>, template?: string }> = {
  virtfusion: { mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' }, template: '46' },
  virtua: { mapping: { offer: 'vcs-2-intel.par01fr', system: 'debian-10-64' }, template: 'centos-7-64' },
  hostinger: { mapping: { item: 'hostingercom-vps-kvm1-usd-1m', dataCenterId: '19', template: '1077' } },
  inferno: { mapping: { pid: '303', ostpl: 'debian12-64-default' }, template: 'ubuntu24-64-default' },
}
const TABS = ['overview', 'graphs', 'console', 'snapshots', 'network', 'activity', 'settings']

test.describe.configure({ mode: 'serial' })

let slugs: string[] = []
const servers: { id: string, upstreamId: string }[] = []
const orderIds: string[] = []

test('an admin brands the portal and sells a plan on every provider; a customer orders each', async ({ page, browser }) => {
  test.setTimeout(240_000)
  await ensureAdmin(page)
  const connect = await page.request.post('/api/hosting/sandbox/connect')
  expect(connect.ok()).toBe(true)
  const accounts = ((await connect.json()).accounts as { slug: string, type: string, ok: boolean }[]).filter(a => a.ok && SETUP[a.type])
  expect(accounts.map(a => a.type).sort()).toEqual(Object.keys(SETUP).sort())
  slugs = accounts.map(a => a.slug)
  expect((await page.request.put('/api/admin/brand', { data: { name: `Nimbus ${RUN}`, primary_color: '#0b5394', secondary_color: '#6e40c9', support_email: 'help@nimbus.test', support_url: '', portal_domain: '' } })).ok()).toBe(true)
  expect((await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })).status()).toBe(201)
  const plans: { id: string, type: string }[] = []
  for (const [i, a] of accounts.entries()) {
    const r = await page.request.post('/api/plans', { data: { name: `Cloud ${'SMLX'[i]} ${RUN}`, description: 'Fast SSD server', price_text: '€5 / month', account: a.slug, mapping: SETUP[a.type]!.mapping } })
    expect(r.status(), await r.text()).toBe(201)
    plans.push({ id: (await r.json()).id, type: a.type })
  }

  const ctx = await browser.newContext()
  const customer = await ctx.newPage()
  await signIn(customer, CUSTOMER)
  for (const [i, p] of plans.entries()) {
    const template = SETUP[p.type]!.template
    const r = await customer.request.post('/api/orders', { data: { plan_id: p.id, hostname: `wes${i}-${RUN}.example.com`, ...(template ? { template } : {}) }, headers: { 'idempotency-key': randomUUID() } })
    expect(r.status(), await r.text()).toBe(202)
    orderIds.push((await r.json()).id)
  }
  for (const id of orderIds) {
    await expect.poll(async () => (await (await customer.request.get(`/api/orders/${id}`)).json()).status, { timeout: 120_000 }).toBe('completed')
  }
  await ctx.close()
  for (const id of orderIds) {
    const serverId = (await (await page.request.get(`/api/orders/${id}`)).json()).server_id as string
    const full = await (await page.request.get(`/api/servers/${serverId}`)).json()
    servers.push({ id: serverId, upstreamId: String(full.upstream_id) })
  }
  expect(servers).toHaveLength(plans.length)
})

/** Serious or critical axe findings (colour contrast above all: the brand's colours are in the theme). */
async function axeSerious(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

/** What on the page betrays the upstream: provider names and slugs anywhere, upstream ids as whole values. */
async function leaks(page: Page): Promise<string[]> {
  const html = await page.content()
  const text = await page.locator('body').innerText()
  const found: string[] = []
  for (const [where, s] of [['html', html], ['text', text]] as const) {
    const m = s.match(PROVIDER_NAMES)
    if (m) found.push(`${where}: "${m[0]}" in …${s.slice(Math.max(0, m.index! - 80), m.index! + 40)}…`)
    for (const slug of slugs) if (new RegExp(`(?<![\\w-])${slug}(?![\\w-])`, 'i').test(s)) found.push(`${where}: account slug ${slug}`)
  }
  for (const { upstreamId } of servers) {
    if (html.includes(`"${upstreamId}"`)) found.push(`html: upstream id "${upstreamId}"`)
    if (new RegExp(`(?<![\\d.:])${upstreamId}(?![\\d.:])`).test(text)) found.push(`text: upstream id ${upstreamId}`)
  }
  return found
}

test('the customer\'s pages name no provider, account or upstream id', async ({ browser }) => {
  test.setTimeout(480_000)
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  await signIn(page, CUSTOMER)
  const paths = [
    '/', '/servers', '/orders', '/order', '/ssh-keys', '/dns', '/domains', '/account/security', '/account/tokens',
    ...orderIds.map(id => `/orders/${id}`),
    ...servers.flatMap(s => TABS.map(tab => `/servers/${s.id}${tab === 'overview' ? '' : `?tab=${tab}`}`)),
  ]
  const problems: string[] = []
  for (const path of paths) {
    await page.goto(path)
    await expect(page.locator('main h1, main [data-testid="server-name"]').first()).toBeVisible()
    // Server pages poll: no network idle to wait for; what a tab loads shows within a moment.
    await expect(page.locator('main .v-progress-linear--active, main .v-skeleton-loader')).toHaveCount(0, { timeout: 10_000 }).catch(() => {})
    for (const l of await leaks(page)) problems.push(`${path}: ${l}`)
  }
  await page.goto(`/servers/${servers[0]!.id}`)
  await expect(page.getByTestId('brand-name').first()).toContainText(`Nimbus ${RUN}`)
  await expect(page).toHaveTitle(new RegExp(`Nimbus ${RUN}$`))
  await shot(page, 'white-label-customer-server')
  expect(problems, problems.join('\n')).toEqual([])
  expect(await axeSerious(page)).toEqual([])
  await ctx.addCookies([{ name: 'theme', value: 'dark', url: page.url() }])
  await page.reload()
  await expect(page.getByTestId('server-name')).toBeVisible()
  expect(await axeSerious(page)).toEqual([])
  await shot(page, 'white-label-customer-server-dark')
  expect(problems, problems.join('\n')).toEqual([])
  await ctx.close()
})

test('the brand page previews the colours and refuses one white text does not read on', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/admin/brand')
  const field = page.getByTestId('brand-primary_color').locator('input')
  await field.fill('#8ab4f8')
  await expect(page.getByTestId('brand-primary_color')).toContainText('needs 4.5:1')
  await expect(page.getByTestId('brand-save')).toBeDisabled()
  await field.fill('#0b5394')
  await expect(page.getByTestId('brand-preview-light')).toBeVisible()
  await expect(page.getByTestId('brand-save')).toBeEnabled()
  await shot(page, 'brand-admin')
  expect(await axeSerious(page)).toEqual([])
  await page.context().addCookies([{ name: 'theme', value: 'dark', url: page.url() }])
  await page.reload()
  await expect(page.getByTestId('brand-card')).toBeVisible()
  await shot(page, 'brand-admin-dark')
  expect(await axeSerious(page)).toEqual([])
  await page.setViewportSize({ width: 390, height: 844 })
  await page.context().addCookies([{ name: 'i18n_locale', value: 'ru', url: page.url() }, { name: 'theme', value: 'light', url: page.url() }])
  await page.reload()
  await expect(page.getByTestId('brand-card')).toContainText('Бренд')
  await shot(page, 'brand-admin-ru-mobile')
  expect(await axeSerious(page)).toEqual([])
  await page.context().clearCookies({ name: 'i18n_locale' })
})

test.afterAll(async ({ browser }) => {
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  await ensureAdmin(page)
  await page.request.put('/api/admin/brand', { data: { name: 'Hosting panel', primary_color: '#1f6feb', secondary_color: '#6e40c9', support_email: '', support_url: '', portal_domain: '' } })
  await ctx.close()
})
