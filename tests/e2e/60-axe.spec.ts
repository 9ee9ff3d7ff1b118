/**
 * Accessibility: every page in pages/ passes axe (WCAG 2.0/2.1 A and AA) with no critical or
 * serious violation, as an admin, as a customer (admin pages: the 403 page) and signed out, light
 * and dark, desktop and phone. The route list is read from pages/ at test time: a page with no
 * entry in ROUTES fails the test, so a new page cannot go unchecked.
 *
 * Fast on a small machine: one browser context a role, theme and viewport, signed in from a stored
 * session; the first page is a full load, the others client-side navigations in the same tab (no
 * reload, no second hydration); axe runs once the page settled (no request in flight, no loading
 * bar, transitions done) and reports violations only.
 */
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Browser, type BrowserContextOptions, type Page, type Request } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ADMIN, animationsDone, ensureAdmin, signIn } from './helpers'

// Not serial: each context's check runs and reports even when another's failed (one worker, in order).
type Role = 'admin' | 'customer' | 'signed-out'
type Theme = 'light' | 'dark'
interface Ids { server?: string, zone?: { provider?: string, domain: string }, domain?: { account?: { slug: string }, name: string }, order?: string, invoice?: string }
interface Route { roles: Role[], url: (ids: Ids) => string | undefined }

const both: Role[] = ['admin', 'customer']
const admin: Role[] = ['admin']
const fixed = (url: string) => () => url

/**
 * Every page, by its route pattern, with who can open it and where that page is for them. A
 * customer is sent to every admin page too: it must answer with the 403 page.
 */
const ROUTES: Record<string, Route> = {
  '/': { roles: both, url: fixed('/') },
  '/login': { roles: ['signed-out'], url: fixed('/login') },
  // Only reachable while the app has no admin yet: its own test, first, on the fresh database.
  '/setup': { roles: [], url: fixed('/setup') },
  '/account/security': { roles: both, url: fixed('/account/security') },
  '/account/tokens': { roles: both, url: fixed('/account/tokens') },
  '/account/billing': { roles: both, url: fixed('/account/billing') },
  '/admin/invoices': { roles: admin, url: fixed('/admin/invoices') },
  '/invoices': { roles: both, url: fixed('/invoices') },
  '/invoices/[id]': { roles: both, url: ids => ids.invoice && `/invoices/${ids.invoice}` },
  '/admin/intents': { roles: admin, url: fixed('/admin/intents') },
  '/admin/alerts': { roles: admin, url: fixed('/admin/alerts') },
  '/admin/brand': { roles: admin, url: fixed('/admin/brand') },
  '/admin/payments': { roles: admin, url: fixed('/admin/payments') },
  '/audit': { roles: admin, url: fixed('/audit') },
  '/billing': { roles: admin, url: fixed('/billing') },
  '/dns': { roles: both, url: fixed('/dns') },
  // A customer's zone and domain rows carry no account: their pages are addressed by name (white label).
  '/dns/[provider]/[domain]': { roles: both, url: ids => ids.zone && (ids.zone.provider ? `/dns/${ids.zone.provider}/${ids.zone.domain}` : `/dns/${ids.zone.domain}`) },
  '/domains': { roles: both, url: fixed('/domains') },
  '/domains/[provider]/[domain]': { roles: both, url: ids => ids.domain && (ids.domain.account ? `/domains/${ids.domain.account.slug}/${ids.domain.name}` : `/domains/${ids.domain.name}`) },
  '/domains/register': { roles: admin, url: fixed('/domains/register') },
  '/firewalls': { roles: admin, url: fixed('/firewalls') },
  '/order': { roles: both, url: fixed('/order') },
  '/orders': { roles: both, url: fixed('/orders') },
  '/orders/[id]': { roles: both, url: ids => ids.order && `/orders/${ids.order}` },
  '/plans': { roles: admin, url: fixed('/plans') },
  '/providers': { roles: admin, url: fixed('/providers') },
  '/servers': { roles: both, url: fixed('/servers') },
  '/servers/[id]': { roles: both, url: ids => ids.server && `/servers/${ids.server}` },
  '/servers/new': { roles: admin, url: fixed('/servers/new') },
  '/ssh-keys': { roles: both, url: fixed('/ssh-keys') },
  '/users': { roles: admin, url: fixed('/users') },
}

/** pages/servers/[id].vue → /servers/[id]; pages/dns/index.vue → /dns. */
function routePatterns(): string[] {
  const root = join(process.cwd(), 'pages')
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter(f => f.isFile() && f.name.endsWith('.vue'))
    .map(f => relative(root, join(f.parentPath, f.name)).replace(/\.vue$/, ''))
  return files.map(f => `/${f.replace(/(^|\/)index$/, '')}`.replace(/(.)\/$/, '$1')).sort()
}

// A fixed address: the database is fresh each run (the e2e server starts on an empty one).
const CUSTOMER = { name: 'Alex Axe', email: 'axe-customer@example.com', password: 'axe-customer-123' }
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const
type Size = keyof typeof VIEWPORTS
const THEMES: Theme[] = ['light', 'dark']
/** The page language (the `i18n_locale` cookie): longer Russian words wrap and overflow differently. */
type Lang = 'en' | 'ru'
const FORBIDDEN: Record<Lang, string> = { en: 'You do not have access to this page', ru: 'Нет доступа к этой странице' }
const SIZES = Object.keys(VIEWPORTS) as Size[]
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** The ids a role's dynamic pages need, as that role's own API answers them (customers: theirs). */
async function idsFor(page: Page): Promise<Ids> {
  const get = async (path: string) => (await page.request.get(path)).json()
  const orders = await get('/api/orders') as { id: string, status: string }[]
  return {
    server: (await get('/api/servers')).items?.[0]?.id,
    zone: (await get('/api/dns/zones')).zones?.[0],
    domain: (await get('/api/domains')).domains?.[0],
    order: orders.find(o => o.status === 'completed')?.id ?? orders[0]?.id,
    invoice: (await get('/api/invoices')).items?.[0]?.id,
  }
}

/**
 * Settled: no request in flight for a moment (data loads, their follow-ups), no loading bar, and
 * no finite transition running. Counted from the browser's own request events, as
 * waitForLoadState('networkidle') knows nothing of client-side navigations.
 */
function settler(page: Page) {
  const inFlight = new Set<Request>()
  let lastChange = Date.now()
  const start = (r: Request) => { inFlight.add(r); lastChange = Date.now() }
  const end = (r: Request) => { inFlight.delete(r); lastChange = Date.now() }
  page.on('request', start)
  page.on('requestfinished', end)
  page.on('requestfailed', end)
  return async (url: string) => {
    // What is still loading, by address (the failure message names it), until quiet for 300 ms.
    const pending = () => inFlight.size ? [...inFlight].map(r => r.url()) : Date.now() - lastChange < 300 ? ['(quiet for less than 300 ms)'] : []
    await expect.poll(pending, { message: `${url}: requests settle`, intervals: [50] }).toEqual([])
    // An indeterminate bar is a load; a determinate one (a usage bar) is content.
    await page.waitForFunction(() => !document.querySelector('.v-progress-linear--active .v-progress-linear__indeterminate, .v-skeleton-loader__bone'), undefined, { timeout: 20_000 })
    await animationsDone(page)
  }
}

/** The Nuxt app's router push, as a link click does it (no reload); a refused navigation is the page's to show. */
const clientNavigate = (page: Page, url: string) => page.evaluate(async (to) => {
  const app = (document.querySelector('#__nuxt') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push: (to: string) => Promise<unknown> } } } } }).__vue_app__
  await app.config.globalProperties.$router.push(to).catch(() => undefined)
}, url)

const hydrated = (page: Page) => page.evaluate(() => {
  const app = (document.querySelector('#__nuxt') as { __vue_app__?: { $nuxt?: { isHydrating?: boolean } } } | null)?.__vue_app__
  return !!app && app.$nuxt?.isHydrating === false
})

/** One line a rule and page that axe rates critical or serious, with the nodes it found. */
async function axeFindings(page: Page, where: string) {
  // Legacy mode: axe.run in the page itself. The default opens a blank page for every analysis to
  // merge the frames' results, and the app has no frames.
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ['violations'] }).setLegacyMode().analyze()
  const bad = violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
  if (bad.length) {
    await test.info().attach(`${where}.png`.replace(/[^\w.-]+/g, '_'), { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
  }
  return bad.map(v => ({ rule: v.id, nodes: v.nodes.length, line: `${v.id} (${v.impact}) on ${where} ×${v.nodes.length}: ${v.nodes.map(n => n.target.join(' ')).join(' | ')}` }))
}

const contextOptions = (theme: Theme, size: Size): BrowserContextOptions => ({
  viewport: VIEWPORTS[size], colorScheme: theme, ...(size === 'phone' ? { isMobile: true, hasTouch: true } : {}),
})

/** A signed-in session a role, stored once a worker: each context starts from it, no form a context. */
const sessions = new Map<Role, BrowserContextOptions['storageState']>()
async function sessionFor(browser: Browser, role: Role) {
  if (role === 'signed-out') return undefined
  if (!sessions.has(role)) {
    const ctx = await browser.newContext()
    await signIn(await ctx.newPage(), role === 'admin' ? ADMIN : CUSTOMER)
    sessions.set(role, await ctx.storageState())
    await ctx.close()
  }
  return sessions.get(role)
}

/**
 * One browser context for a role, theme and viewport (the theme is the app's `theme` cookie),
 * every page the role has, each settled before axe runs. Returns what axe found and a tally a rule.
 */
async function checkContext(browser: Browser, role: Role, theme: Theme, size: Size, patterns?: string[], lang: Lang = 'en') {
  const ctx = await browser.newContext({ ...contextOptions(theme, size), storageState: await sessionFor(browser, role) })
  const base = test.info().project.use.baseURL!
  await ctx.addCookies([{ name: 'theme', value: theme, url: base }, ...(lang === 'en' ? [] : [{ name: 'i18n_locale', value: lang, url: base }])])
  const page = await ctx.newPage()
  const settled = settler(page)
  const ids = role === 'signed-out' ? {} : await idsFor(page)
  const visits = Object.entries(ROUTES)
    .filter(([pattern, r]) => patterns ? patterns.includes(pattern) : r.roles.includes(role) || (role === 'customer' && r.roles.includes('admin')))
    .map(([pattern, r]) => {
      const url = r.url(ids)
      expect(url, `${role} has data for ${pattern}`).toBeTruthy()
      return { url: url!, forbidden: role === 'customer' && !r.roles.includes('customer') }
    })
  const findings: Awaited<ReturnType<typeof axeFindings>> = []
  for (const [i, { url, forbidden }] of visits.entries()) await test.step(url, async () => {
    if (i === 0) {
      await page.goto(url)
      await expect.poll(() => hydrated(page), { message: `${url} hydrates` }).toBe(true)
    }
    else await clientNavigate(page, url)
    await expect.poll(() => new URL(page.url()).pathname, { message: `${url} stays put for ${role}` }).toBe(url)
    if (forbidden) await expect(page.getByTestId('error-403'), `${url} is the 403 page for a customer`).toContainText(FORBIDDEN[lang])
    else await expect(page.getByTestId('error-403')).toHaveCount(0)
    await settled(url)
    findings.push(...await axeFindings(page, `${url} (${role}, ${theme}, ${size})`))
  })
  await ctx.close()
  const tally: Record<string, number> = {}
  for (const f of findings) tally[f.rule] = (tally[f.rule] ?? 0) + f.nodes
  return { lines: findings.map(f => f.line), tally }
}

function report(name: string, found: { lines: string[], tally: Record<string, number> }) {
  // Node counts a rule over the context's pages, for the record in the test output.
  console.log(`${name}: ${JSON.stringify(found.tally)}${found.lines.length ? `\n  ${found.lines.join('\n  ')}` : ''}`)
  expect(found.lines, `critical and serious axe violations, ${name}`).toEqual([])
}

test('every page in pages/ has an entry in the axe route map', () => {
  const patterns = routePatterns()
  expect(patterns.filter(p => !(p in ROUTES)), 'pages with no axe entry').toEqual([])
  expect(Object.keys(ROUTES).filter(p => !patterns.includes(p)), 'axe entries with no page').toEqual([])
})

// First: the e2e server starts on an empty database, and /setup exists only until an admin does.
// In a whole-suite run 01-spine has set the app up by now: then the page is gone for everyone.
test('no critical or serious axe violation on /setup, signed out, every theme and viewport', async ({ browser, page }) => {
  if (!(await (await page.request.get('/api/setup/status')).json()).needs_setup) {
    test.info().annotations.push({ type: 'not checked', description: '/setup: the app was set up by an earlier spec; run this spec on its own to check the page' })
    await page.goto('/setup')
    await expect(page).toHaveURL(/\/login/)
    return
  }
  const found = { lines: [] as string[], tally: {} as Record<string, number> }
  for (const theme of THEMES) {
    for (const size of SIZES) {
      const { lines, tally } = await checkContext(browser, 'signed-out', theme, size, ['/setup'])
      found.lines.push(...lines)
      for (const [rule, n] of Object.entries(tally)) found.tally[rule] = (found.tally[rule] ?? 0) + n
    }
  }
  report('signed-out /setup, every theme and viewport', found)
})

test('data for every page: sandbox accounts, a customer with an order, a zone and a domain, a refused sign-in', async ({ page }) => {
  test.setTimeout(180_000)
  await ensureAdmin(page)
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  const accounts = await (await page.request.get('/api/hosting/providers')).json() as { type: string, slug: string }[]
  await expect.poll(async () => ((await (await page.request.get('/api/servers')).json()).items ?? []).length, { timeout: 60_000 }).toBeGreaterThan(0)
  const vf = accounts.find(a => a.type === 'virtfusion')!
  const plan = await page.request.post('/api/plans', { data: { name: 'Axe plan', account: vf.slug, mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' } } })
  expect(plan.status()).toBe(201)
  const user = await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })
  expect(user.status()).toBe(201)
  const customerId = (await user.json()).id as string
  const { zone, domain } = await idsFor(page)
  expect(zone && domain).toBeTruthy()
  // The admin's rows carry their account.
  for (const [account, name] of [[zone!.provider!, zone!.domain], [domain!.account!.slug, domain!.name]]) {
    expect((await page.request.post('/api/_test/zone-assignments', { data: { account, domain: name, owner_id: customerId } })).ok()).toBe(true)
  }

  // A refused sign-in, so the audit log shows a failure row (its reason in error red) when this spec runs alone.
  expect((await page.request.post('/api/auth/login', { data: { email: CUSTOMER.email, password: 'not-the-password-1' } })).status()).toBe(401)

  const ctx = await page.context().browser()!.newContext()
  const customer = await ctx.newPage()
  await signIn(customer, CUSTOMER)
  const order = await customer.request.post('/api/orders', { data: { plan_id: (await plan.json()).id, template: '46', hostname: 'axe.example.com' } })
  expect(order.status(), await order.text()).toBe(202)
  const orderId = (await order.json()).id as string
  await expect.poll(async () => (await (await customer.request.get(`/api/orders/${orderId}`)).json()).status, { timeout: 120_000 }).toBe('completed')
  // A priced plan's order: an open invoice for the invoice pages.
  const priced = await page.request.post('/api/plans', { data: { name: 'Axe priced plan', account: vf.slug, mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' }, prices: [{ cycle: 'monthly', amount_minor: 500, currency: 'EUR', setup_fee_minor: 100 }] } })
  expect(priced.status()).toBe(201)
  const billed = await customer.request.post('/api/orders', { data: { plan_id: (await priced.json()).id, template: '46', hostname: 'axe-billed.example.com' } })
  expect(billed.status(), await billed.text()).toBe(202)
  await ctx.close()
})

// One test a context, so each reports on its own.
for (const role of ['signed-out', 'admin', 'customer'] as Role[]) {
  for (const theme of THEMES) {
    for (const size of SIZES) {
      test(`no critical or serious axe violation: ${role}, ${theme}, ${size}`, async ({ browser }) => {
        test.setTimeout(180_000)
        report(`${role} ${theme} ${size}`, await checkContext(browser, role, theme, size))
      })
    }
  }
}

// In Russian too (issue 15), on the desktop: the words differ in length, and every label is another string.
for (const role of ['admin', 'customer'] as Role[]) {
  for (const theme of THEMES) {
    test(`no critical or serious axe violation in Russian: ${role}, ${theme}, desktop`, async ({ browser }) => {
      test.setTimeout(180_000)
      report(`${role} ${theme} desktop ru`, await checkContext(browser, role, theme, 'desktop', undefined, 'ru'))
    })
  }
}
