/**
 * A Stripe payment that arrives (through the stand-in's signed webhook) for an invoice that no
 * longer takes one — paid meanwhile by bank transfer, or voided — is not lost: its amount goes to
 * the customer's credit balance once (a replayed event, also several at once, adds nothing), and
 * the admins get a payment_needs_review notice naming the invoice.
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient, sandboxAdmin } from './helpers'
import { configureSandboxAccounts } from './servers-helpers'
import { createPricedPlan, order, uniqueHost } from './portal-helpers'

let admin: Client
let plan: any

async function payOnStandIn(url: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=pay', redirect: 'manual' })
  expect(res.status).toBe(303)
}

const eventsFor = async (sessionId: string) => (await sandboxAdmin('/stripe/events', 'GET')).filter((e: any) => e.data.object.id === sessionId)

/** An open invoice of a fresh customer, with a Checkout session opened on it (not paid yet). */
async function invoiceWithSession(name: string) {
  const cust = await customerClient(admin, name)
  const placed = (await order(cust.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('strand') })).body
  const invoice = (await cust.client.get(`/api/invoices/${placed.invoice_id}`)).body
  const s = await cust.client.post(`/api/invoices/${invoice.id}/checkout`)
  expect(s.status, JSON.stringify(s.body)).toBe(200)
  return { cust, invoice, url: s.body.url as string, sessionId: s.body.session_id as string }
}

const reviewNotices = async (number: string) => (await admin.get('/api/notifications')).body.items.filter((n: any) => n.kind === 'payment_needs_review' && n.params.number === number)
const balance = async (c: Client, currency: string) => (await c.get('/api/credit')).body.balances.find((b: any) => b.currency === currency)?.amount_minor ?? 0

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  expect((await admin.post('/api/admin/payments/gateway/sandbox')).status).toBe(200)
  plan = await createPricedPlan(admin, 'stranded', 1500)
}, 120_000)

describe('a Stripe payment for an invoice that takes none', () => {
  it('already paid by bank transfer: the card payment goes to the customer\'s credit once, and the admins are asked to review', async () => {
    const { cust, invoice, url, sessionId } = await invoiceWithSession('Pete Paidtwice')
    const manual = await admin.post(`/api/invoices/${invoice.id}/payments`, { amount_minor: invoice.total_minor, reference: 'bank' }, { 'Idempotency-Key': randomUUID() })
    expect(manual.status).toBe(201)
    expect(await balance(cust.client, invoice.currency)).toBe(0)

    await payOnStandIn(url)
    const [ev] = await eventsFor(sessionId)
    expect(ev.deliveries).toEqual([expect.objectContaining({ status: 200, error: null })])
    // No second payment on the invoice: it stays paid once, by the transfer.
    const after = (await cust.client.get(`/api/invoices/${invoice.id}`)).body
    expect(after).toMatchObject({ status: 'paid', paid_minor: invoice.total_minor })
    expect(after.payments.map((p: any) => p.method)).toEqual(['manual'])
    // The money is the customer's credit, in the ledger with the gateway's reference.
    const credit = (await cust.client.get('/api/credit')).body
    expect(await balance(cust.client, invoice.currency)).toBe(invoice.total_minor)
    expect(credit.ledger).toEqual([expect.objectContaining({ amount_minor: invoice.total_minor, currency: invoice.currency, reason: 'top_up', ref: expect.stringMatching(/^stripe:pi_/) })])
    const notes = await reviewNotices(invoice.number)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ level: 'warning', link: `/invoices/${invoice.id}` })
    expect(notes[0].params).toMatchObject({ status: 'paid', customer: 'Pete Paidtwice' })
    // The customer is not told about the admins' review.
    expect((await cust.client.get('/api/notifications')).body.items.some((n: any) => n.kind === 'payment_needs_review')).toBe(false)

    // The same event again, several at once: nothing more.
    const replays = await Promise.all([1, 2, 3].map(() => sandboxAdmin(`/stripe/events/${ev.id}/resend`)))
    for (const r of replays) expect(r.deliveries[0].status).toBe(200)
    expect(await balance(cust.client, invoice.currency)).toBe(invoice.total_minor)
    expect((await cust.client.get('/api/credit')).body.ledger).toHaveLength(1)
    expect(await reviewNotices(invoice.number)).toHaveLength(1)
  })

  it('voided: the payment is credited too, and reviewed', async () => {
    const { cust, invoice, url, sessionId } = await invoiceWithSession('Vic Voided')
    expect((await admin.post(`/api/invoices/${invoice.id}/void`)).body.status).toBe('void')
    await payOnStandIn(url)
    const [ev] = await eventsFor(sessionId)
    expect(ev.deliveries[0].status).toBe(200)
    expect((await cust.client.get(`/api/invoices/${invoice.id}`)).body).toMatchObject({ status: 'void', paid_minor: 0, payments: [] })
    expect(await balance(cust.client, invoice.currency)).toBe(invoice.total_minor)
    const notes = await reviewNotices(invoice.number)
    expect(notes).toHaveLength(1)
    expect(notes[0].params.status).toBe('void')
  })
})
