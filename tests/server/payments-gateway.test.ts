/**
 * The Stripe gateway settings: keys stored encrypted, answered masked, never logged; the
 * sandbox's stand-in in one click (it registers this app's webhook there through the official
 * API); the webhook refuses a forged, stale or absent signature and records nothing.
 */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it, inject } from 'vitest'
import { type Client, adminClient, baseUrl, customerClient, sandboxAdmin } from './helpers'

let admin: Client
let customer: Client

const sign = (body: string, secret: string, t = Math.floor(Date.now() / 1000)) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`

async function postWebhook(body: string, signature?: string) {
  const res = await fetch(`${baseUrl()}/api/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) }, body })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  admin = await adminClient()
  customer = (await customerClient(admin, 'Gia Gateway')).client
})

describe('Stripe gateway settings', () => {
  it('only admins read or change them', async () => {
    expect((await customer.get('/api/admin/payments/gateway')).status).toBe(403)
    expect((await customer.put('/api/admin/payments/gateway', { secret_key: 'sk_test_abcdefgh1234' })).status).toBe(403)
    expect((await customer.post('/api/admin/payments/gateway/sandbox')).status).toBe(403)
  })

  it('refuses malformed keys, and a first save without both secrets', async () => {
    const bad = await admin.put('/api/admin/payments/gateway', { secret_key: 'pk_test_publishable', webhook_secret: 'whsec_abcdefgh1234' })
    expect(bad.status).toBe(400)
    expect(bad.body.details.issues[0].path).toBe('secret_key')
    if (!(await admin.get('/api/admin/payments/gateway')).body.configured) {
      const missing = await admin.put('/api/admin/payments/gateway', { secret_key: 'sk_test_abcdefgh1234' })
      expect(missing.status).toBe(400)
      expect(missing.body.code).toBe('missing_fields')
    }
  })

  it('stores keys masked in every answer and never in the log; a key left out is kept', async () => {
    const secret = 'sk_test_TopSecretValue9876'
    const whsec = 'whsec_TopSecretSigning5432'
    const saved = await admin.put('/api/admin/payments/gateway', { secret_key: secret, webhook_secret: whsec, api_base: null, enabled: false })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toMatchObject({ configured: true, enabled: false, sandbox: false, api_base: null, secret_key: '••••9876', webhook_secret: '••••5432' })
    expect(saved.body.webhook_url).toBe(`${baseUrl()}/api/webhooks/stripe`)
    const again = await admin.put('/api/admin/payments/gateway', { enabled: false })
    expect(again.body.secret_key).toBe('••••9876')
    const text = JSON.stringify((await admin.get('/api/admin/payments/gateway')).body) + JSON.stringify((await admin.get('/api/audit?limit=20')).body)
    expect(text).not.toContain('TopSecret')
    expect(readFileSync(inject('appLog'), 'utf8')).not.toContain('TopSecret')
  })

  it('connects the sandbox stand-in in one click: its key, and a webhook endpoint registered for this app', async () => {
    const r = await admin.post('/api/admin/payments/gateway/sandbox')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ configured: true, enabled: true, sandbox: true })
    expect(r.body.api_base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const list = await fetch(`${r.body.api_base}/v1/webhook_endpoints`, { headers: { authorization: `Bearer ${(await sandboxAdmin('/stripe', 'GET')).secret_key}` } }).then(x => x.json())
    expect(list.data.filter((e: any) => e.url === `${baseUrl()}/api/webhooks/stripe`)).toHaveLength(1)
    // Twice is still one endpoint for this app (the old one is replaced, its secret with it).
    await admin.post('/api/admin/payments/gateway/sandbox')
    const after = await fetch(`${r.body.api_base}/v1/webhook_endpoints`, { headers: { authorization: `Bearer ${(await sandboxAdmin('/stripe', 'GET')).secret_key}` } }).then(x => x.json())
    expect(after.data.filter((e: any) => e.url === `${baseUrl()}/api/webhooks/stripe`)).toHaveLength(1)
  })
})

describe('Stripe webhook signature', () => {
  const event = (id: string) => JSON.stringify({ id, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data: { object: { id: 'cs_test_forged', object: 'checkout.session', payment_status: 'paid', status: 'complete', amount_total: 100, currency: 'eur', payment_intent: 'pi_forged', metadata: { invoice_id: '00000000-0000-4000-8000-000000000000' } } } })

  it('answers 400 to an absent, forged or stale signature', async () => {
    const body = event('evt_forged_1')
    expect(await postWebhook(body)).toMatchObject({ status: 400, body: { code: 'webhook_signature_invalid' } })
    expect(await postWebhook(body, sign(body, 'whsec_not_the_secret_at_all'))).toMatchObject({ status: 400, body: { code: 'webhook_signature_invalid' } })
    expect(await postWebhook(body, 'garbage')).toMatchObject({ status: 400, body: { code: 'webhook_signature_invalid' } })
    const secret = (await sandboxAdmin('/stripe/endpoints', 'GET')).find((e: any) => e.url === `${baseUrl()}/api/webhooks/stripe`).secret
    // The right secret, but signed ten minutes ago (Stripe's tolerance is five).
    expect(await postWebhook(body, sign(body, secret, Math.floor(Date.now() / 1000) - 600))).toMatchObject({ status: 400, body: { code: 'webhook_signature_invalid' } })
    // Signed over another body.
    expect(await postWebhook(body.replace('"amount_total":100', '"amount_total":1'), sign(body, secret))).toMatchObject({ status: 400, body: { code: 'webhook_signature_invalid' } })
    // Properly signed, it is taken (no such invoice: nothing to record, and no retry wanted).
    const ok = await postWebhook(body, sign(body, secret))
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body).toMatchObject({ received: true, duplicate: false })
  })

  it('needs no session, and a customer\'s session does not help', async () => {
    const r = await customer.post('/api/webhooks/stripe', { id: 'evt_x', type: 'checkout.session.completed' })
    expect(r.status).toBe(400)
    expect(r.body.code).toBe('webhook_signature_invalid')
  })
})
