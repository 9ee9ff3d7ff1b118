/**
 * Online payment and renewals end to end against the sandbox (its Stripe stand-in and
 * VirtFusion): order → invoice → Checkout URL → the stand-in's Pay → signed webhook → paid →
 * provisioned; a replayed webhook (also several at once) records nothing more; a forged one is
 * 400; the renewals run issues one invoice per period however often it runs, reminds, suspends
 * an unpaid server, lifts that on payment through Stripe, and asks the admins to terminate
 * after the review period.
 */
import { createHmac, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, baseUrl, customerClient, sandboxAdmin } from './helpers'
import { configureSandboxAccounts, upstream, waitForServer } from './servers-helpers'
import { createPricedPlan, order, uniqueHost, waitOrder } from './portal-helpers'

const DAY = 86_400_000
let admin: Client
let cust: { client: Client, user: any }
let plan: any

/** The stand-in's Pay button: the form post its page makes. Answers where it redirected. */
async function payOnStandIn(url: string) {
  const page = await fetch(url)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('value="pay"')
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=pay', redirect: 'manual' })
  expect(res.status).toBe(303)
  return res.headers.get('location')
}

async function stripeEventsFor(sessionId: string) {
  return (await sandboxAdmin('/stripe/events', 'GET')).filter((e: any) => e.data.object.id === sessionId)
}

const run = async (now: Date) => {
  const r = await admin.post('/api/_test/billing-run', { now: now.toISOString(), customer_id: cust.user.id })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  expect(r.body.failed, JSON.stringify(r.body.failed)).toEqual([])
  return r.body
}

const kinds = async (c: Client) => (await c.get('/api/notifications')).body.items.map((n: any) => n.kind)

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  const g = await admin.post('/api/admin/payments/gateway/sandbox')
  expect(g.status, JSON.stringify(g.body)).toBe(200)
  expect((await admin.patch('/api/admin/payments/renewals', { invoice_days_before: 7, grace_days: 3, termination_review_days: 14, auto_terminate: false })).status).toBe(200)
  cust = await customerClient(admin, 'Pia Payer')
  plan = await createPricedPlan(admin, 'stripe', 1190)
}, 120_000)

describe('order → Checkout → signed webhook → paid → provisioned', () => {
  let placed: any
  let invoice: any
  let sessionId: string
  let serverId: string

  it('the customer gets a Checkout URL for the open invoice; asking again reuses the open session', async () => {
    placed = (await order(cust.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('pay') })).body
    expect(placed).toMatchObject({ status: 'awaiting_payment', invoice_id: expect.any(String) })
    invoice = (await cust.client.get(`/api/invoices/${placed.invoice_id}`)).body
    expect(invoice).toMatchObject({ status: 'open', checkout_available: true })
    const first = await cust.client.post(`/api/invoices/${invoice.id}/checkout`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ reused: false, session_id: expect.stringMatching(/^cs_test_/) })
    expect(first.body.url).toMatch(/\/stripe\/checkout\/pay\/cs_test_/)
    const second = await cust.client.post(`/api/invoices/${invoice.id}/checkout`)
    expect(second.body).toMatchObject({ reused: true, session_id: first.body.session_id, url: first.body.url })
    sessionId = first.body.session_id
    // The session carries the invoice and what is left to pay.
    const secret = (await sandboxAdmin('/stripe', 'GET')).secret_key
    const s = await fetch(first.body.url.replace(/\/stripe\/checkout\/pay\/.*/, `/v1/checkout/sessions/${sessionId}`), { headers: { authorization: `Bearer ${secret}` } }).then(r => r.json())
    expect(s).toMatchObject({ amount_total: invoice.due_minor, currency: invoice.currency.toLowerCase(), metadata: { invoice_id: invoice.id }, client_reference_id: invoice.id, status: 'open' })
    // Admins do not pay customers' invoices online; nobody pays one that is not open.
    expect((await admin.post(`/api/invoices/${invoice.id}/checkout`)).status).toBe(403)
  })

  it('Pay on the stand-in: the signed webhook marks the invoice paid once, and the server is provisioned', async () => {
    const back = await payOnStandIn((await cust.client.post(`/api/invoices/${invoice.id}/checkout`)).body.url)
    expect(back).toBe(`${baseUrl()}/invoices/${invoice.id}?checkout=success`)
    const events = await stripeEventsFor(sessionId)
    expect(events).toHaveLength(1)
    expect(events[0].deliveries).toEqual([expect.objectContaining({ status: 200, error: null })])
    const paid = (await cust.client.get(`/api/invoices/${invoice.id}`)).body
    expect(paid).toMatchObject({ status: 'paid', due_minor: 0, checkout_available: false })
    expect(paid.payments).toHaveLength(1)
    expect(paid.payments[0]).toMatchObject({ method: 'stripe', amount_minor: invoice.total_minor })
    const done = await waitOrder(cust.client, placed.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    expect(done.server_id).toEqual(expect.any(String))
    serverId = done.server_id
    // A paid invoice takes no further checkout.
    expect((await cust.client.post(`/api/invoices/${invoice.id}/checkout`)).body.code).toBe('invoice_not_payable')
  })

  it('a replayed event, also several at once, records no second payment', async () => {
    const [ev] = await stripeEventsFor(sessionId)
    const replays = await Promise.all([1, 2, 3, 4].map(() => sandboxAdmin(`/stripe/events/${ev.id}/resend`)))
    for (const r of replays) expect(r.deliveries[0].status).toBe(200)
    const after = (await cust.client.get(`/api/invoices/${invoice.id}`)).body
    expect(after.payments).toHaveLength(1)
    expect(after.status).toBe('paid')
  })

  it('a forged event is refused with 400 and records nothing', async () => {
    const victim = (await order(cust.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('forge') })).body
    const body = JSON.stringify({
      id: `evt_forged_${randomUUID()}`, object: 'event', type: 'checkout.session.completed', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'cs_test_forged', object: 'checkout.session', status: 'complete', payment_status: 'paid', amount_total: 1, currency: 'eur', payment_intent: 'pi_forged', metadata: { invoice_id: victim.invoice_id } } },
    })
    const t = Math.floor(Date.now() / 1000)
    const forged = `t=${t},v1=${createHmac('sha256', 'whsec_guessed_secret').update(`${t}.${body}`).digest('hex')}`
    const res = await fetch(`${baseUrl()}/api/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': forged }, body })
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('webhook_signature_invalid')
    const inv = (await cust.client.get(`/api/invoices/${victim.invoice_id}`)).body
    expect(inv).toMatchObject({ status: 'open', paid_minor: 0 })
    expect(inv.payments).toEqual([])
    expect((await cust.client.get(`/api/orders/${victim.id}`)).body.status).toBe('awaiting_payment')
  })

  describe('renewals', () => {
    let periodEnd: Date
    let renewal: any

    const customerInvoices = async () => (await cust.client.get('/api/invoices')).body.items as any[]

    it('issues exactly one invoice for the next period, however often (and however concurrently) the run goes', async () => {
      const paid = (await cust.client.get(`/api/invoices/${invoice.id}`)).body
      periodEnd = new Date(paid.lines[0].period_end)
      const before = (await customerInvoices()).length
      // Eight days before the end: not yet.
      expect((await run(new Date(periodEnd.getTime() - 8 * DAY))).issued).toBe(0)
      const now = new Date(periodEnd.getTime() - 6 * DAY)
      const runs = await Promise.all([run(now), run(now), run(now)])
      expect(runs.reduce((n, r) => n + r.issued, 0)).toBe(1)
      expect((await run(now)).issued).toBe(0)
      const list = await customerInvoices()
      expect(list.length).toBe(before + 1)
      const fresh = list.filter(i => i.id !== invoice.id && i.status === 'open')
      const details = await Promise.all(fresh.map(async i => (await cust.client.get(`/api/invoices/${i.id}`)).body))
      // The renewal names the server; the service period began when the first invoice was paid.
      renewal = details.find(i => i.lines[0]?.server_id === serverId)
      expect(renewal).toBeTruthy()
      expect(Math.abs(new Date(renewal.lines[0].period_start).getTime() - periodEnd.getTime())).toBeLessThan(60_000)
      periodEnd = new Date(renewal.lines[0].period_start)
      expect(renewal).toMatchObject({ status: 'open', total_minor: invoice.total_minor })
      expect(new Date(renewal.due_at).getTime()).toBe(periodEnd.getTime())
      expect(await kinds(cust.client)).toContain('invoice_due')
    })

    it('past due: reminded and marked overdue; past grace: the server is suspended (VirtFusion\'s own suspension)', async () => {
      const r1 = await run(new Date(periodEnd.getTime() + 1 * DAY))
      expect(r1).toMatchObject({ reminded: 1, suspended: 0 })
      expect((await cust.client.get(`/api/invoices/${renewal.id}`)).body.status).toBe('overdue')
      expect(await kinds(cust.client)).toContain('invoice_overdue')
      const r2 = await run(new Date(periodEnd.getTime() + 4 * DAY))
      expect(r2).toMatchObject({ suspended: 1 })
      expect((await run(new Date(periodEnd.getTime() + 4 * DAY))).suspended).toBe(0)
      const server = (await cust.client.get(`/api/servers/${renewal.lines[0].server_id}`)).body
      expect(server).toMatchObject({ admin_locked: true, status: 'suspended' })
      expect(server.lock_reason).toContain(renewal.number)
      // The upstream id is the admin's to see (white label).
      const upstreamId = (await admin.get(`/api/servers/${server.id}`)).body.upstream_id
      expect((await upstream('virtfusion', 'GET', `/servers/${upstreamId}`)).body.data.suspended).toBe(true)
      expect(await kinds(cust.client)).toContain('service_suspended_unpaid')
      const audit = (await admin.get('/api/audit?action=billing.service_suspended_unpaid')).body.items
      expect(audit.some((a: any) => a.details?.invoice === renewal.id)).toBe(true)
    })

    it('paying it through Stripe lifts the suspension and extends the period', async () => {
      const back = await payOnStandIn((await cust.client.post(`/api/invoices/${renewal.id}/checkout`)).body.url)
      expect(back).toContain(`/invoices/${renewal.id}`)
      expect((await cust.client.get(`/api/invoices/${renewal.id}`)).body.status).toBe('paid')
      const serverId = renewal.lines[0].server_id
      const server = await waitForServer(cust.client, serverId, s => s.admin_locked === false && s.status === 'running')
      expect(server.lock_reason).toBeNull()
      expect(await kinds(cust.client)).toContain('service_unsuspended')
      // The next period's invoice comes from the paid period's end, once.
      const nextEnd = new Date(renewal.lines[0].period_end)
      expect((await run(new Date(nextEnd.getTime() - 6 * DAY))).issued).toBe(1)
      expect((await run(new Date(nextEnd.getTime() - 6 * DAY))).issued).toBe(0)
    })

    it('still unpaid after the review period: the admins are asked to terminate, nothing is terminated', async () => {
      const nextEnd = new Date(renewal.lines[0].period_end)
      expect((await run(new Date(nextEnd.getTime() + 4 * DAY))).suspended).toBe(1)
      expect((await run(new Date(nextEnd.getTime() + 10 * DAY))).termination_review).toBe(0)
      const review = await run(new Date(nextEnd.getTime() + 19 * DAY))
      expect(review).toMatchObject({ termination_review: 1, terminated: 0 })
      expect((await run(new Date(nextEnd.getTime() + 20 * DAY))).termination_review).toBe(0)
      expect(await kinds(admin)).toContain('termination_review')
      const server = (await cust.client.get(`/api/servers/${renewal.lines[0].server_id}`)).body
      expect(server).toMatchObject({ admin_locked: true })
      expect(server.gone_at ?? null).toBeNull()
    })
  })
})
