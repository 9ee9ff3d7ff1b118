/**
 * Stripe stand-in: the parts of Stripe's API a Checkout integration uses, at Stripe's own paths
 * (`/v1/…`, form-encoded requests, JSON answers, `Authorization: Bearer sk_test_…`), so the
 * official `stripe` client reaches it with `{ host, port, protocol }`:
 *
 *   POST   /v1/checkout/sessions              create (mode=payment, line_items[][price_data], metadata…)
 *   GET    /v1/checkout/sessions/:id          retrieve
 *   POST   /v1/checkout/sessions/:id/expire   expire an open session
 *   POST   /v1/webhook_endpoints              register a webhook URL; answers its signing `secret`
 *   GET    /v1/webhook_endpoints              list;  DELETE /v1/webhook_endpoints/:id
 *   GET    /v1/events, /v1/events/:id         events sent so far
 *
 * The hosted page is `GET /stripe/checkout/pay/:id` (the session's `url`): Pay completes the
 * session, sends `checkout.session.completed` signed as Stripe signs (`Stripe-Signature:
 * t=…,v1=…`) to every endpoint that takes it, then redirects (303) to `success_url`; Cancel
 * redirects to `cancel_url` and leaves the session open.
 *
 * Sandbox admin (under /__sandbox/stripe): GET → the key it accepts; GET /endpoints → webhook
 * endpoints with their signing secrets; GET /events → events with
 * their deliveries; POST /events/:id/resend → deliver an event again (a replay, same body and id,
 * fresh signature); POST /sessions/:id/expire-now → pass its expires_at.
 */
import type { SimResponse } from '../core/router'
import { decodeStripeForm } from './form'
import { checkoutPage } from './page'
import {
  API_VERSION, SANDBOX_SECRET_KEY, newId, nowSec, seedStripe, sessionView, signPayload,
  type CheckoutSession, type LineItem, type StripeEvent, type StripeState,
} from './state'

export { SANDBOX_SECRET_KEY } from './state'

export interface StripeRequest {
  method: string
  /** Full path, e.g. `/v1/checkout/sessions`. */
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  rawBody: string
  /** How the caller reached the sandbox (`http://127.0.0.1:4010`): the hosted page's origin. */
  origin: string
}

export interface StripeStandIn {
  state: StripeState
  handles(path: string): boolean
  handle(req: StripeRequest): Promise<SimResponse>
  admin(method: string, route: string, body: Record<string, any> | undefined): Promise<SimResponse>
  reset(): void
}

const err = (status: number, message: string, extra: Record<string, string> = {}): SimResponse =>
  ({ status, json: { error: { type: 'invalid_request_error', message, ...extra } } })
const missing = (what: string, id: string) => err(404, `No such ${what}: '${id}'`, { code: 'resource_missing', param: 'id' })
const header = (h: StripeRequest['headers'], name: string) => { const v = h[name]; return Array.isArray(v) ? v[0] : v }
const SESSION_TTL_S = 24 * 3600

export function createStripeStandIn(): StripeStandIn {
  let state = seedStripe()

  function createSession(b: Record<string, any>, origin: string): SimResponse {
    const mode = b.mode
    if (!['payment', 'setup', 'subscription'].includes(mode)) return err(400, 'Missing required param: mode.', { code: 'parameter_missing', param: 'mode' })
    if (mode !== 'payment') return err(400, 'The sandbox only simulates mode=payment.', { param: 'mode' })
    const raw = Array.isArray(b.line_items) ? b.line_items as Record<string, any>[] : []
    if (!raw.length) return err(400, 'Missing required param: line_items.', { code: 'parameter_missing', param: 'line_items' })
    const items: LineItem[] = []
    for (const [i, li] of raw.entries()) {
      const pd = li.price_data
      const unit = Number(pd?.unit_amount)
      const quantity = Number(li.quantity ?? 1)
      if (!pd || !/^[a-z]{3}$/.test(String(pd.currency ?? ''))) return err(400, 'Invalid currency: must be a three-letter lowercase ISO code.', { param: `line_items[${i}][price_data][currency]` })
      if (!Number.isInteger(unit) || unit < 0) return err(400, 'Invalid integer: unit_amount.', { param: `line_items[${i}][price_data][unit_amount]` })
      if (!Number.isInteger(quantity) || quantity < 1) return err(400, 'Invalid integer: quantity.', { param: `line_items[${i}][quantity]` })
      const name = String(pd.product_data?.name ?? '')
      if (!name) return err(400, 'Missing required param: line_items[0][price_data][product_data][name].', { code: 'parameter_missing', param: `line_items[${i}][price_data][product_data][name]` })
      items.push({
        id: newId('li'), object: 'item', description: name, quantity, currency: pd.currency,
        amount_subtotal: unit * quantity, amount_total: unit * quantity,
        price: { id: newId('price'), object: 'price', currency: pd.currency, unit_amount: unit, product: newId('prod') },
      })
    }
    const currencies = new Set(items.map(i => i.currency))
    if (currencies.size > 1) return err(400, 'All line items must use the same currency.', { param: 'line_items' })
    const total = items.reduce((sum, i) => sum + i.amount_total, 0)
    const id = newId('cs_test')
    const created = nowSec()
    const expires = b.expires_at ? Number(b.expires_at) : created + SESSION_TTL_S
    const session: CheckoutSession = {
      id, object: 'checkout.session',
      amount_subtotal: total, amount_total: total,
      cancel_url: b.cancel_url ?? null,
      client_reference_id: b.client_reference_id ?? null,
      created, currency: items[0]!.currency,
      customer: null, customer_email: b.customer_email ?? null,
      expires_at: expires, livemode: false,
      metadata: { ...(b.metadata ?? {}) },
      mode, payment_intent: null, payment_status: 'unpaid', status: 'open',
      success_url: b.success_url ?? null,
      url: `${origin}/stripe/checkout/pay/${id}`,
      line_items: items,
    }
    state.sessions.set(id, session)
    return { json: sessionView(session) }
  }

  /** Expires a session whose time has passed, as Stripe does on its own. */
  function settle(s: CheckoutSession) {
    if (s.status === 'open' && s.expires_at <= nowSec()) { s.status = 'expired'; s.url = null }
  }

  function emit(type: string, object: unknown): StripeEvent {
    const ev: StripeEvent = {
      id: newId('evt'), object: 'event', api_version: API_VERSION, created: nowSec(),
      data: { object: structuredClone(object) }, livemode: false, pending_webhooks: 0,
      request: { id: null, idempotency_key: null }, type,
    }
    state.events.push(ev)
    return ev
  }

  /** Posts one event to every endpoint that takes it; records each attempt. */
  async function deliver(ev: StripeEvent, only?: string) {
    const out = []
    for (const ep of state.endpoints.values()) {
      if (only && ep.id !== only) continue
      if (ep.status !== 'enabled' || !(ep.enabled_events.includes('*') || ep.enabled_events.includes(ev.type))) continue
      const body = JSON.stringify(ev, null, 2)
      const d = { event: ev.id, endpoint: ep.id, url: ep.url, at: Date.now(), status: null as number | null, error: null as string | null, body }
      try {
        const res = await fetch(ep.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signPayload(body, ep.secret), 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
          body,
          signal: AbortSignal.timeout(30_000),
        })
        d.status = res.status
        await res.arrayBuffer().catch(() => null)
      }
      catch (e) { d.error = (e as Error).message }
      state.deliveries.push(d)
      out.push({ endpoint: d.endpoint, status: d.status, error: d.error })
    }
    return out
  }

  async function page(req: StripeRequest, id: string): Promise<SimResponse> {
    const s = state.sessions.get(id)
    if (!s) return { status: 404, text: '<!doctype html><html lang="en"><head><title>Not found</title></head><body><main><h1>No such checkout session</h1></main></body></html>', contentType: 'text/html; charset=utf-8' }
    settle(s)
    if (req.method === 'GET') return { text: checkoutPage(s), contentType: 'text/html; charset=utf-8' }
    const action = new URLSearchParams(req.rawBody).get('action')
    if (s.status !== 'open') return { status: 409, text: checkoutPage(s), contentType: 'text/html; charset=utf-8' }
    if (action === 'cancel') return { status: 303, headers: { location: s.cancel_url ?? `${req.origin}/stripe/checkout/pay/${id}` } }
    if (action !== 'pay') return { status: 400, text: 'action must be pay or cancel' }
    s.status = 'complete'
    s.payment_status = 'paid'
    s.payment_intent = newId('pi')
    s.url = null
    const ev = emit('checkout.session.completed', sessionView(s))
    await deliver(ev)
    const to = (s.success_url ?? `${req.origin}/stripe/checkout/pay/${id}`).replace('{CHECKOUT_SESSION_ID}', s.id)
    return { status: 303, headers: { location: to } }
  }

  async function api(req: StripeRequest): Promise<SimResponse> {
    const auth = header(req.headers, 'authorization') ?? ''
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : ''
    if (key !== SANDBOX_SECRET_KEY) {
      const shown = key ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : ''
      return { status: 401, json: { error: { type: 'invalid_request_error', message: key ? `Invalid API Key provided: ${shown}` : 'You did not provide an API key.' } } }
    }
    const idemKey = req.method === 'POST' ? header(req.headers, 'idempotency-key') ?? null : null
    state.calls.push({ method: req.method, path: req.path, idempotencyKey: idemKey, at: Date.now() })
    if (idemKey) {
      const seen = state.idempotent.get(idemKey)
      if (seen) return { status: seen.status, json: seen.json, headers: { 'idempotent-replayed': 'true' } }
    }
    const out = await route(req)
    if (idemKey && (out.status ?? 200) < 500) state.idempotent.set(idemKey, { status: out.status ?? 200, json: out.json })
    return out
  }

  async function route(req: StripeRequest): Promise<SimResponse> {
    const body = req.method === 'POST' ? decodeStripeForm(req.rawBody) : {}
    const parts = req.path.split('/').filter(Boolean).slice(1) // without "v1"
    const [a, b, c, d] = parts
    if (a === 'checkout' && b === 'sessions') {
      if (!c && req.method === 'POST') return createSession(body, req.origin)
      if (!c && req.method === 'GET') {
        const data = [...state.sessions.values()].reverse().map((s) => { settle(s); return sessionView(s) })
        return { json: { object: 'list', data, has_more: false, url: '/v1/checkout/sessions' } }
      }
      const s = c ? state.sessions.get(c) : undefined
      if (!s) return missing('checkout.session', c ?? '')
      settle(s)
      if (!d && req.method === 'GET') return { json: sessionView(s) }
      if (d === 'expire' && req.method === 'POST') {
        if (s.status !== 'open') return err(400, `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${s.status}".`)
        s.status = 'expired'
        s.url = null
        emit('checkout.session.expired', sessionView(s))
        return { json: sessionView(s) }
      }
      if (d === 'line_items' && req.method === 'GET') return { json: { object: 'list', data: s.line_items, has_more: false, url: `/v1/checkout/sessions/${s.id}/line_items` } }
    }
    if (a === 'webhook_endpoints') {
      if (!b && req.method === 'POST') {
        if (!body.url) return err(400, 'Missing required param: url.', { code: 'parameter_missing', param: 'url' })
        const events = Array.isArray(body.enabled_events) ? body.enabled_events.map(String) : []
        if (!events.length) return err(400, 'Missing required param: enabled_events.', { code: 'parameter_missing', param: 'enabled_events' })
        const ep = {
          id: newId('we'), object: 'webhook_endpoint' as const, api_version: (body.api_version as string) ?? null, created: nowSec(),
          description: (body.description as string) ?? null, enabled_events: events, livemode: false as const,
          metadata: (body.metadata as Record<string, string>) ?? {}, secret: `whsec_${newId('x').slice(2)}${newId('x').slice(2)}`, status: 'enabled' as const, url: String(body.url),
        }
        state.endpoints.set(ep.id, ep)
        return { json: ep }
      }
      if (!b && req.method === 'GET') {
        const data = [...state.endpoints.values()].map(({ secret: _s, ...rest }) => rest)
        return { json: { object: 'list', data, has_more: false, url: '/v1/webhook_endpoints' } }
      }
      const ep = b ? state.endpoints.get(b) : undefined
      if (!ep) return missing('webhook_endpoint', b ?? '')
      if (req.method === 'DELETE') { state.endpoints.delete(ep.id); return { json: { id: ep.id, object: 'webhook_endpoint', deleted: true } } }
      if (req.method === 'GET') { const { secret: _s, ...rest } = ep; return { json: rest } }
    }
    if (a === 'events' && req.method === 'GET') {
      if (!b) return { json: { object: 'list', data: [...state.events].reverse(), has_more: false, url: '/v1/events' } }
      const ev = state.events.find(e => e.id === b)
      return ev ? { json: ev } : missing('event', b)
    }
    return err(404, `Unrecognized request URL (${req.method}: ${req.path}). The sandbox simulates Checkout Sessions, webhook endpoints and events.`)
  }

  return {
    get state() { return state },
    handles: path => path.startsWith('/v1/') || path.startsWith('/stripe/'),
    async handle(req) {
      const m = /^\/stripe\/checkout\/pay\/([\w-]+)$/.exec(req.path)
      if (m && (req.method === 'GET' || req.method === 'POST')) return page(req, m[1]!)
      if (req.path.startsWith('/v1/')) return api(req)
      return { status: 404, text: 'Not found' }
    },
    async admin(method, route, body) {
      if (route === '' && method === 'GET') return { json: { secret_key: SANDBOX_SECRET_KEY, api_version: API_VERSION } }
      // Tests sign their own events (a stale one, a replay) with an endpoint's secret.
      if (route === '/endpoints' && method === 'GET') return { json: [...state.endpoints.values()] }
      if (route === '/events' && method === 'GET') {
        return { json: state.events.map(e => ({ ...e, deliveries: state.deliveries.filter(d => d.event === e.id).map(({ body: _b, ...d }) => d) })) }
      }
      const resend = /^\/events\/([\w-]+)\/resend$/.exec(route)
      if (resend && method === 'POST') {
        const ev = state.events.find(e => e.id === resend[1])
        if (!ev) return { status: 404, json: { error: 'no such event' } }
        return { json: { event: ev.id, deliveries: await deliver(ev, body?.endpoint) } }
      }
      const expire = /^\/sessions\/([\w-]+)\/expire-now$/.exec(route)
      if (expire && method === 'POST') {
        const s = state.sessions.get(expire[1]!)
        if (!s) return { status: 404, json: { error: 'no such session' } }
        s.expires_at = nowSec() - 1
        settle(s)
        return { json: sessionView(s) }
      }
      return { status: 404, json: { error: 'unknown stripe sandbox route' } }
    },
    // Webhook endpoints are the account's configuration (as its key is): a reset keeps them.
    reset() { state = { ...seedStripe(), endpoints: state.endpoints } },
  }
}
