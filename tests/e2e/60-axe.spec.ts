/**
 * Accessibility: every page in pages/ passes axe (WCAG 2.0/2.1 A and AA) with no critical or
 * serious violation, as an admin and as a customer, light and dark, desktop and phone. The route
 * list is read from pages/ at test time: a page with no entry in ROUTES fails the test, so a new
 * page cannot go unchecked.
 */
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ADMIN, animationsDone, ensureAdmin, signIn } from './helpers'

// Not serial: each role's check runs and reports even when another's failed (one worker, in order).
type Role = 'admin' | 'customer' | 'signed-out'
type Theme = 'light' | 'dark'
interface Ids { server?: string, zone?: { provider: string, domain: string }, domain?: { account: { slug: string }, name: string }, order?: string }
interface Route { roles: Role[], url: (ids: Ids) => string | undefined }

const both: Role[] = ['admin', 'customer']
const admin: Role[] = ['admin']
const fixed = (url: string) => () => url

/** Every page, by its route pattern, with who can open it and where that page is for them. */
const ROUTES: Record<string, Route> = {
  '/': { roles: both, url: fixed('/') },
  '/login': { roles: ['signed-out'], url: fixed('/login') },
  // Only reachable while the app has no admin yet: checked when this spec runs on a fresh database
  // (01-spine walks it in the full run); otherwise the middleware sends everyone away from it.
  '/setup': { roles: ['signed-out'], url: fixed('/setup') },
  '/account/security': { roles: both, url: fixed('/account/security') },
  '/account/tokens': { roles: both, url: fixed('/account/tokens') },
  '/admin/intents': { roles: admin, url: fixed('/admin/intents') },
  '/audit': { roles: admin, url: fixed('/audit') },
  '/billing': { roles: admin, url: fixed('/billing') },
  '/dns': { roles: both, url: fixed('/dns') },
  '/dns/[provider]/[domain]': { roles: both, url: ids => ids.zone && `/dns/${ids.zone.provider}/${ids.zone.domain}` },
  '/domains': { roles: both, url: fixed('/domains') },
  '/domains/[provider]/[domain]': { roles: both, url: ids => ids.domain && `/domains/${ids.domain.account.slug}/${ids.domain.name}` },
  '/domains/register': { roles: admin, url: fixed('/domains/register') },
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

// A fixed address: the database is fresh each run, and the module is loaded again after a failure.
const CUSTOMER = { name: 'Alex Axe', email: 'axe-customer@example.com', password: 'axe-customer-123' }
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const

const hydrated = (page: Page) => page.evaluate(() => {
  const app = (document.querySelector('#__nuxt') as { __vue_app__?: { $nuxt?: { isHydrating?: boolean } } } | null)?.__vue_app__
  return !!app && app.$nuxt?.isHydrating === false
})

/** The ids a role's dynamic pages need, as that role's own API answers them (customers: theirs). */
async function idsFor(page: Page): Promise<Ids> {
  const get = async (path: string) => (await page.request.get(path)).json()
  const orders = await get('/api/orders') as { id: string, status: string }[]
  return {
    server: (await get('/api/servers')).items?.[0]?.id,
    zone: (await get('/api/dns/zones')).zones?.[0],
    domain: (await get('/api/domains')).domains?.[0],
    order: orders.find(o => o.status === 'completed')?.id ?? orders[0]?.id,
  }
}

test('every page in pages/ has an entry in the axe route map', () => {
  const patterns = routePatterns()
  expect(patterns.filter(p => !(p in ROUTES)), 'pages with no axe entry').toEqual([])
  expect(Object.keys(ROUTES).filter(p => !patterns.includes(p)), 'axe entries with no page').toEqual([])
})

/** What axe found on /setup, checked before the app is set up when this spec runs on a fresh database. */
let setupFound: string[] = []

test('data for every page: sandbox accounts, a customer with an order, a zone and a domain', async ({ page }) => {
  test.setTimeout(180_000)
  // On a fresh database the setup page is still there: check it before setting the app up.
  if ((await (await page.request.get('/api/setup/status')).json()).needs_setup) {
    setupFound = await checkContexts(page.context().browser()!, 'signed-out', ['/setup'])
  }
  await ensureAdmin(page)
  let accounts = await (await page.request.get('/api/hosting/providers')).json() as { type: string, slug: string }[]
  if (accounts.length === 0) {
    expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
    accounts = await (await page.request.get('/api/hosting/providers')).json()
  }
  await expect.poll(async () => ((await (await page.request.get('/api/servers')).json()).items ?? []).length, { timeout: 60_000 }).toBeGreaterThan(0)
  const vf = accounts.find(a => a.type === 'virtfusion')!
  const plan = await page.request.post('/api/plans', { data: { name: `Axe plan ${Date.now().toString(36)}`, account: vf.slug, mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' } } })
  expect(plan.status()).toBe(201)
  const user = await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })
  expect(user.status()).toBe(201)
  const customerId = (await user.json()).id as string
  const { zone, domain } = await idsFor(page)
  expect(zone && domain).toBeTruthy()
  for (const [account, name] of [[zone!.provider, zone!.domain], [domain!.account.slug, domain!.name]]) {
    expect((await page.request.post('/api/_test/zone-assignments', { data: { account, domain: name, owner_id: customerId } })).ok()).toBe(true)
  }

  const ctx = await page.context().browser()!.newContext()
  const customer = await ctx.newPage()
  await signIn(customer, CUSTOMER)
  const order = await customer.request.post('/api/orders', { data: { plan_id: (await plan.json()).id, template: '46', hostname: `axe-${Date.now().toString(36)}.example.com` } })
  expect(order.status(), await order.text()).toBe(202)
  const orderId = (await order.json()).id as string
  await expect.poll(async () => (await (await customer.request.get(`/api/orders/${orderId}`)).json()).status, { timeout: 120_000 }).toBe('completed')
  await ctx.close()
})

/**
 * One browser context for a role, theme and viewport; each page settles (hydrated, network idle,
 * transitions finished) before axe runs. Returns what axe found, one line a rule and page.
 */
async function checkContext(browser: Browser, role: Role, theme: Theme, size: keyof typeof VIEWPORTS, only?: string[]) {
  const found: string[] = []
  const ctx = await browser.newContext({ viewport: VIEWPORTS[size], ...(size === 'phone' ? { isMobile: true, hasTouch: true } : {}), colorScheme: theme })
  await ctx.addCookies([{ name: 'theme', value: theme, url: test.info().project.use.baseURL! }])
  const page = await ctx.newPage()
  if (role !== 'signed-out') await signIn(page, role === 'admin' ? ADMIN : CUSTOMER)
  const ids = role === 'signed-out' ? {} : await idsFor(page)
  const urls = Object.entries(ROUTES)
    .filter(([pattern, r]) => r.roles.includes(role) && (only ? only.includes(pattern) : pattern !== '/setup'))
    .map(([pattern, r]) => {
      const url = r.url(ids)
      expect(url, `${role} has data for ${pattern}`).toBeTruthy()
      return url!
    })
  for (const url of urls) {
    await page.goto(url)
    await expect(page, `${url} stays put for ${role}`).toHaveURL(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
    await expect.poll(() => hydrated(page), { message: `${url} hydrates` }).toBe(true)
    await page.waitForLoadState('networkidle')
    await animationsDone(page)
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    for (const v of violations.filter(v => v.impact === 'critical' || v.impact === 'serious')) {
      found.push(`${role} ${theme} ${size} ${url}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`)
    }
  }
  await ctx.close()
  return found
}

async function checkContexts(browser: Browser, role: Role, only: string[]) {
  const found: string[] = []
  for (const theme of THEMES) for (const size of SIZES) found.push(...await checkContext(browser, role, theme, size, only))
  return found
}

const THEMES: Theme[] = ['light', 'dark']
const SIZES = Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]

// One test a context, so each reports on its own and a slow machine's time is per context.
for (const role of ['signed-out', 'admin', 'customer'] as Role[]) {
  for (const theme of THEMES) {
    for (const size of SIZES) {
      test(`no critical or serious axe violation: ${role}, ${theme}, ${size}`, async ({ browser }) => {
        test.setTimeout(420_000)
        const setup = role === 'signed-out' ? setupFound.filter(l => l.startsWith(`${role} ${theme} ${size} `)) : []
        const found = [...await checkContext(browser, role, theme, size), ...setup]
        // A tally a rule (nodes over the context's pages), for the record in the test output.
        const tally: Record<string, number> = {}
        for (const line of found) {
          const [, rule, count] = /: (\S+) \(\w+\) ×(\d+)/.exec(line)!
          tally[rule!] = (tally[rule!] ?? 0) + Number(count)
        }
        console.log(`${role} ${theme} ${size}: ${JSON.stringify(tally)}\n${found.join('\n')}`)
        expect(found, 'critical and serious axe violations').toEqual([])
      })
    }
  }
}
