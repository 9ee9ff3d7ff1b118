/**
 * Customer billing end to end against the sandbox: a priced plan's order is invoiced and waits
 * for payment; an admin's payment (exactly once per Idempotency-Key) starts provisioning; credit
 * pays at once; tax, reverse charge, numbering without gaps, void, credit notes, the PDF, and
 * who may see what.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, baseUrl, customerClient } from './helpers'
import { configureSandboxAccounts } from './servers-helpers'
import { GOOD_MAPPINGS, order, uniqueHost, waitOrder } from './portal-helpers'

let admin: Client
let cora: { client: Client, user: any }
let dan: { client: Client, user: any }
let plan: any
const year = new Date().getUTCFullYear()

async function pricedPlan(extra: Record<string, unknown> = {}) {
  const r = await admin.post('/api/plans', {
    name: `priced ${randomUUID().slice(0, 8)}`, account: 'virtfusion', mapping: { ...GOOD_MAPPINGS.virtfusion },
    prices: [{ cycle: 'monthly', amount_minor: 1000, currency: 'EUR', setup_fee_minor: 500 }, { cycle: 'yearly', amount_minor: 10000, currency: 'EUR' }],
    ...extra,
  })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}

async function pdfText(c: Client, id: string, lang: 'en' | 'ru') {
  const res = await fetch(`${baseUrl()}/api/invoices/${id}/pdf?lang=${lang}`, { headers: { cookie: c.cookie } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('application/pdf')
  const file = join(mkdtempSync(join(tmpdir(), 'inv-')), 'i.pdf')
  writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  const s = await admin.req('PUT', '/api/admin/billing-settings', { seller_name: 'Acme Hosting GmbH', seller_address: 'Hauptstr. 1, Berlin', seller_country: 'DE', seller_vat_id: 'DE123456789', due_days: 14, tax_rates: [{ country: 'DE', rate_bp: 1900 }, { country: 'FR', rate_bp: 2000 }] })
  expect(s.status, JSON.stringify(s.body)).toBe(200)
  cora = await customerClient(admin, 'Cora Billing')
  dan = await customerClient(admin, 'Dan Billing')
  expect((await cora.client.put('/api/account/billing', { country: 'de' })).body).toMatchObject({ country: 'DE', vat_id: null })
  plan = await pricedPlan()
})

describe('prices', () => {
  it('a plan carries its prices per cycle; customers see them', async () => {
    const seen = (await cora.client.get(`/api/plans/${plan.id}`)).body
    expect(seen.prices).toEqual([
      { cycle: 'monthly', amount_minor: 1000, currency: 'EUR', setup_fee_minor: 500 },
      { cycle: 'yearly', amount_minor: 10000, currency: 'EUR', setup_fee_minor: 0 },
    ])
    const bad = await cora.client.post('/api/orders', { plan_id: plan.id, template: '46', hostname: uniqueHost('q'), cycle: 'quarterly' }, { 'Idempotency-Key': randomUUID() })
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe('invalid_cycle')
  })
})

describe('order → invoice → payment → provisioning', () => {
  let placed: any
  let inv: any

  it('an order of a priced plan is invoiced and waits for payment', async () => {
    placed = (await order(cora.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('bill') })).body
    expect(placed).toMatchObject({ status: 'awaiting_payment', cycle: 'monthly', invoice_id: expect.any(String) })
    inv = (await cora.client.get(`/api/invoices/${placed.invoice_id}`)).body
    expect(inv.number).toMatch(new RegExp(`^${year}-\\d{6}$`))
    // 10.00 + 5.00 setup, 19 % German VAT.
    expect(inv).toMatchObject({ status: 'open', currency: 'EUR', subtotal_minor: 1500, tax_minor: 285, total_minor: 1785, due_minor: 1785, reverse_charge: false })
    // Online payment is offered exactly when a gateway is set up (other suites may have set one).
    const gateway = (await admin.get('/api/admin/payments/gateway')).body
    expect(inv.checkout_available).toBe(gateway.enabled)
    expect(inv.lines.map((l: any) => [l.unit_minor, l.tax_rate_bp, l.tax_minor, l.total_minor])).toEqual([[1000, 1900, 190, 1190], [500, 1900, 95, 595]])
    expect(inv.seller).toMatchObject({ name: 'Acme Hosting GmbH', country: 'DE' })
    expect((await cora.client.get('/api/invoices')).body.items.map((i: any) => i.id)).toContain(inv.id)
    // It stays waiting: nothing provisions before payment.
    expect((await cora.client.get(`/api/orders/${placed.id}`)).body.status).toBe('awaiting_payment')
  })

  it('another customer cannot see it, nor its PDF', async () => {
    expect((await dan.client.get(`/api/invoices/${inv.id}`)).status).toBe(404)
    expect((await dan.client.get(`/api/invoices/${inv.id}/pdf`)).status).toBe(404)
    expect((await dan.client.get('/api/invoices')).body.items.map((i: any) => i.id)).not.toContain(inv.id)
    expect((await cora.client.post(`/api/invoices/${inv.id}/payments`, { amount_minor: 1785 })).status).toBe(403)
  })

  it('the admin records a payment once per Idempotency-Key; the order provisions', async () => {
    const key = randomUUID()
    const part = await admin.post(`/api/invoices/${inv.id}/payments`, { amount_minor: 785, reference: 'bank 1' }, { 'Idempotency-Key': randomUUID() })
    expect(part.status, JSON.stringify(part.body)).toBe(201)
    expect(part.body.invoice).toMatchObject({ status: 'open', paid_minor: 785, due_minor: 1000 })
    const [a, b] = await Promise.all([
      admin.post(`/api/invoices/${inv.id}/payments`, { amount_minor: 1000, reference: 'bank 2' }, { 'Idempotency-Key': key }),
      admin.post(`/api/invoices/${inv.id}/payments`, { amount_minor: 1000, reference: 'bank 2' }, { 'Idempotency-Key': key }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    expect(a.body.payment.id).toBe(b.body.payment.id)
    const again = await admin.post(`/api/invoices/${inv.id}/payments`, { amount_minor: 1000, reference: 'bank 2' }, { 'Idempotency-Key': key })
    expect(again.status).toBe(200)
    expect(again.body.payment.id).toBe(a.body.payment.id)
    const other = await admin.post(`/api/invoices/${inv.id}/payments`, { amount_minor: 999 }, { 'Idempotency-Key': key })
    expect(other.status).toBe(422)
    const paid = (await cora.client.get(`/api/invoices/${inv.id}`)).body
    expect(paid).toMatchObject({ status: 'paid', paid_minor: 1785, due_minor: 0 })
    expect(paid.payments).toHaveLength(2)
    const late = await admin.post(`/api/invoices/${inv.id}/payments`, { amount_minor: 1 }, { 'Idempotency-Key': randomUUID() })
    expect(late.body.code).toBe('invoice_not_payable')

    const done = await waitOrder(cora.client, placed.id)
    expect(done.status, JSON.stringify(done)).toBe('completed')
    expect((await cora.client.get(`/api/servers/${done.server_id}`)).status).toBe(200)
  })

  it('the PDF reads the number and totals, in English and Russian', async () => {
    const en = await pdfText(cora.client, inv.id, 'en')
    expect(en).toContain(inv.number)
    expect(en).toContain('Acme Hosting GmbH')
    expect(en).toMatch(/Total\s+€17\.85/)
    expect(en).toContain('€2.85')
    const ru = await pdfText(cora.client, inv.id, 'ru')
    expect(ru).toContain(inv.number)
    expect(ru).toContain('Итого')
    expect(ru).toMatch(/17,85\s*€/)
  })

  it('a paid invoice is corrected by a credit note; its amount goes to credit', async () => {
    expect((await admin.post(`/api/invoices/${inv.id}/void`)).body.code).toBe('invoice_not_open')
    const note = await admin.post(`/api/invoices/${inv.id}/credit-note`, { reason: 'goodwill' })
    expect(note.status, JSON.stringify(note.body)).toBe(201)
    expect(note.body).toMatchObject({ kind: 'credit_note', credit_of: inv.id, total_minor: -1785, tax_minor: -285, status: 'paid' })
    expect(note.body.number).toMatch(new RegExp(`^${year}-\\d{6}$`))
    expect((await admin.post(`/api/invoices/${inv.id}/credit-note`, {})).body.code).toBe('credit_note_exists')
    const credit = (await cora.client.get('/api/credit')).body
    expect(credit.balances).toEqual([{ currency: 'EUR', amount_minor: 1785 }])
  })
})

describe('tax', () => {
  it('a business with a VAT id in another country pays no VAT (reverse charge)', async () => {
    const biz = await customerClient(admin, 'Bea Business')
    expect((await admin.patch(`/api/users/${biz.user.id}/billing`, { country: 'FR', vat_id: 'FR12345678901', company: 'Bea SARL' })).status).toBe(200)
    const placed = (await order(biz.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('rc'), cycle: 'yearly' })).body
    const inv = (await biz.client.get(`/api/invoices/${placed.invoice_id}`)).body
    expect(inv).toMatchObject({ subtotal_minor: 10000, tax_minor: 0, total_minor: 10000, reverse_charge: true, customer: { company: 'Bea SARL', vat_id: 'FR12345678901' } })
    expect(await pdfText(biz.client, inv.id, 'en')).toContain('Reverse charge')
    // The same French customer without a VAT id pays French VAT.
    await biz.client.put('/api/account/billing', { vat_id: null })
    const b2c = (await biz.client.get(`/api/invoices/${(await order(biz.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('fr'), cycle: 'yearly' })).body.invoice_id}`)).body
    expect(b2c).toMatchObject({ tax_minor: 2000, total_minor: 12000, reverse_charge: false })
  })
})

describe('credit, pay later, credit terms, void', () => {
  it('credit that covers an invoice pays it at once, and the order provisions', async () => {
    const rich = await customerClient(admin, 'Rita Credit')
    const top = await admin.post(`/api/users/${rich.user.id}/credit`, { amount_minor: 5000, currency: 'EUR' }, { 'Idempotency-Key': randomUUID() })
    expect(top.status, JSON.stringify(top.body)).toBe(200)
    const placed = (await order(rich.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('cr') })).body
    const inv = (await rich.client.get(`/api/invoices/${placed.invoice_id}`)).body
    // No country in the profile: the seller's (19 %).
    expect(inv).toMatchObject({ status: 'paid', paid_minor: 1785 })
    expect(inv.payments).toMatchObject([{ method: 'credit', amount_minor: 1785 }])
    const credit = (await rich.client.get('/api/credit')).body
    expect(credit.balances).toEqual([{ currency: 'EUR', amount_minor: 3215 }])
    expect(credit.ledger.map((l: any) => [l.reason, l.amount_minor])).toEqual([['invoice_payment', -1785], ['top_up', 5000]])
    expect((await waitOrder(rich.client, placed.id)).status).toBe('completed')
  })

  it('revenue counts what invoices were paid with: an overpayment\'s excess goes to credit and is not counted twice', async () => {
    const month = new Date().toISOString().slice(0, 7)
    const revenue = async () => ((await admin.get('/api/invoices')).body.revenue as any[]).find(r => r.month === month && r.currency === 'EUR')?.amount_minor ?? 0
    const payer = await customerClient(admin, 'Otto Over')
    const placed = (await order(payer.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('ov') })).body
    const before = await revenue()
    const paid = await admin.post(`/api/invoices/${placed.invoice_id}/payments`, { amount_minor: 2000, reference: 'bank, rounded up' }, { 'Idempotency-Key': randomUUID() })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    expect((await payer.client.get('/api/credit')).body.balances).toEqual([{ currency: 'EUR', amount_minor: 215 }])
    expect(await revenue()).toBe(before + 1785)
  })

  it('a pay-later plan, and a customer with credit terms, provision before payment', async () => {
    const later = await pricedPlan({ pay_later: true })
    const placed = (await order(dan.client, { plan_id: later.id, template: '46', hostname: uniqueHost('pl') })).body
    expect(placed.status).toBe('pending')
    expect((await dan.client.get(`/api/invoices/${placed.invoice_id}`)).body.status).toBe('open')
    expect((await waitOrder(dan.client, placed.id)).status).toBe('completed')
    await admin.patch(`/api/users/${dan.user.id}/billing`, { credit_terms: true })
    const trusted = (await order(dan.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('ct') })).body
    expect(trusted.status).toBe('pending')
    expect((await waitOrder(dan.client, trusted.id)).status).toBe('completed')
  })

  it('voiding an open invoice cancels the order waiting for it', async () => {
    const vic = await customerClient(admin, 'Val Void')
    const placed = (await order(vic.client, { plan_id: plan.id, template: '46', hostname: uniqueHost('void') })).body
    expect(placed.status).toBe('awaiting_payment')
    const v = await admin.post(`/api/invoices/${placed.invoice_id}/void`)
    expect(v.status, JSON.stringify(v.body)).toBe(200)
    expect(v.body.status).toBe('void')
    expect((await vic.client.get(`/api/orders/${placed.id}`)).body.status).toBe('cancelled')
    expect((await admin.post(`/api/invoices/${placed.invoice_id}/payments`, { amount_minor: 100 })).body.code).toBe('invoice_not_payable')
  })

  it('a plan sells no more than its stock', async () => {
    const scarce = await pricedPlan({ stock_limit: 1 })
    expect((await order(cora.client, { plan_id: scarce.id, template: '46', hostname: uniqueHost('s1') })).status).toBe(202)
    const second = await order(cora.client, { plan_id: scarce.id, template: '46', hostname: uniqueHost('s2') })
    expect(second.status).toBe(409)
    expect(second.body.code).toBe('plan_out_of_stock')
  })
})

describe('numbering', () => {
  it('20 invoices issued at once get 20 consecutive numbers, no gap, no duplicate', async () => {
    const many = await customerClient(admin, 'Nina Numbers')
    const placed = await Promise.all(Array.from({ length: 20 }, (_, i) => order(many.client, { plan_id: plan.id, template: '46', hostname: uniqueHost(`n${i}`) })))
    expect(placed.map(p => p.status)).toEqual(Array(20).fill(202))
    const numbers = await Promise.all(placed.map(async p => (await many.client.get(`/api/invoices/${p.body.invoice_id}`)).body.number as string))
    const seq = numbers.map(n => Number(n.split('-')[1])).sort((a, b) => a - b)
    expect(new Set(seq).size).toBe(20)
    expect(seq.at(-1)! - seq[0]!).toBe(19)
  })
})
