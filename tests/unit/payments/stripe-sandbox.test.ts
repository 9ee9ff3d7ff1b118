/**
 * The Stripe stand-in, driven by the official `stripe` client: Checkout Session shapes, the
 * hosted page's Pay and Cancel, and webhook deliveries the client's own verifier accepts.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_SECRET_KEY } from '../../../sandbox/stripe'
import { decodeStripeForm } from '../../../sandbox/stripe/form'

let sb: Sandbox
let hook: Server
let hookUrl: string
const received: { body: string, signature: string }[] = []

function client(key = SANDBOX_SECRET_KEY) {
  const u = new URL(sb.url)
  return new Stripe(key, { host: u.hostname, port: Number(u.port), protocol: 'http', maxNetworkRetries: 0 })
}

beforeAll(async () => {
  sb = await startSandbox()
  hook = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c))
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['stripe-signature']) })
      res.writeHead(200).end('{}')
    })
  })
  await new Promise<void>(r => hook.listen(0, '127.0.0.1', r))
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
})
afterAll(async () => {
  await sb.close()
  await new Promise(r => hook.close(r))
})

const createParams = (): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 1190, product_data: { name: 'Invoice 2026-000001' } } }],
  metadata: { invoice_id: 'inv-1' },
  client_reference_id: 'inv-1',
  success_url: 'http://app.test/invoices/inv-1?paid=1',
  cancel_url: 'http://app.test/invoices/inv-1',
})

describe('Stripe stand-in', () => {
  it('decodes Stripe form encoding (nested objects, indexed and appended arrays)', () => {
    expect(decodeStripeForm('a=1&metadata[x]=y&line_items[0][price_data][currency]=eur&line_items[0][quantity]=2&enabled_events[]=a&enabled_events[]=b'))
      .toEqual({ a: '1', metadata: { x: 'y' }, line_items: [{ price_data: { currency: 'eur' }, quantity: '2' }], enabled_events: ['a', 'b'] })
  })

  it('refuses a wrong key with Stripe\'s error shape', async () => {
    await expect(client('sk_test_wrong_key_123456').checkout.sessions.create(createParams())).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 })
  })

  it('creates and retrieves a Checkout Session in Stripe\'s shape', async () => {
    const s = await client().checkout.sessions.create(createParams())
    expect(s).toMatchObject({
      object: 'checkout.session', mode: 'payment', status: 'open', payment_status: 'unpaid', payment_intent: null,
      amount_total: 1190, currency: 'eur', metadata: { invoice_id: 'inv-1' }, client_reference_id: 'inv-1', livemode: false,
    })
    expect(s.id).toMatch(/^cs_test_/)
    expect(s.url).toBe(`${sb.url}/stripe/checkout/pay/${s.id}`)
    expect(s.expires_at).toBeGreaterThan(Date.now() / 1000)
    expect(await client().checkout.sessions.retrieve(s.id)).toEqual(s)
    await expect(client().checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
  })

  it('answers a repeated Idempotency-Key with the first session', async () => {
    const a = await client().checkout.sessions.create(createParams(), { idempotencyKey: 'same-key' })
    const b = await client().checkout.sessions.create(createParams(), { idempotencyKey: 'same-key' })
    expect(b.id).toBe(a.id)
  })

  it('Pay completes the session, sends a signed checkout.session.completed and redirects to success_url; a resend is the same event', async () => {
    const endpoint = await client().webhookEndpoints.create({ url: hookUrl, enabled_events: ['checkout.session.completed'] })
    expect(endpoint.secret).toMatch(/^whsec_/)
    const s = await client().checkout.sessions.create(createParams())
    const page = await fetch(s.url!)
    const html = await page.text()
    expect(html).toContain('€11.90')
    expect(html).toMatch(/<button[^>]*value="pay"[^>]*>Pay<\/button>/)
    const paid = await fetch(s.url!, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toBe('http://app.test/invoices/inv-1?paid=1')
    expect(received).toHaveLength(1)
    const ev = await client().webhooks.constructEventAsync(received[0]!.body, received[0]!.signature, endpoint.secret!)
    expect(ev.type).toBe('checkout.session.completed')
    const obj = ev.data.object as Stripe.Checkout.Session
    expect(obj).toMatchObject({ id: s.id, status: 'complete', payment_status: 'paid', metadata: { invoice_id: 'inv-1' }, amount_total: 1190 })
    expect(obj.payment_intent).toMatch(/^pi_/)
    // A wrong secret does not verify.
    await expect(client().webhooks.constructEventAsync(received[0]!.body, received[0]!.signature, 'whsec_other')).rejects.toThrow()

    const resend = await fetch(`${sb.url}/__sandbox/stripe/events/${ev.id}/resend`, { method: 'POST' })
    expect((await resend.json()).deliveries).toEqual([{ endpoint: endpoint.id, status: 200, error: null }])
    expect(received).toHaveLength(2)
    const again = await client().webhooks.constructEventAsync(received[1]!.body, received[1]!.signature, endpoint.secret!)
    expect(again.id).toBe(ev.id)
    // A completed session cannot be paid twice.
    expect((await fetch(s.url!, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(409)
    expect((await client().checkout.sessions.retrieve(s.id)).url).toBeNull()
  })

  it('Cancel returns to cancel_url and leaves the session open; an expired session cannot be paid', async () => {
    const s = await client().checkout.sessions.create(createParams())
    const cancelled = await fetch(s.url!, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }), redirect: 'manual' })
    expect(cancelled.headers.get('location')).toBe('http://app.test/invoices/inv-1')
    expect((await client().checkout.sessions.retrieve(s.id)).status).toBe('open')
    const expired = await client().checkout.sessions.expire(s.id)
    expect(expired.status).toBe('expired')
    expect((await fetch(`${sb.url}/stripe/checkout/pay/${s.id}`, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(409)
  })
})
