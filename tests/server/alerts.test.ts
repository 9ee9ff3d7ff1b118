/**
 * Alerts reach people (issue 17): every kind reaches the panel, e-mail (a real SMTP server on
 * loopback captures it) and webhooks (a loopback receiver checks the signature); a failing
 * receiver is retried, then marked failed; channel choices and the new-address sign-in alert.
 * The suite runs with ALERTS_WEBHOOK_ATTEMPTS=3 and a 1-second first retry (global-setup.ts).
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALERT_KIND_NAMES } from '../../shared/alerts/kinds'
import { verifyWebhook } from '../../server/services/alerts/signing'
import { adminClient, baseUrl, Client, customerClient } from './helpers'

const RUN = `r${Date.now().toString(36)}`

interface Mail { to: string[], subject: string, text: string }
interface Hit { path: string, body: any, signed: boolean, timestamp: string }

const mails: Mail[] = []
const hits: Hit[] = []
const secrets = new Map<string, string>()
let smtp: SMTPServer
let smtpPort = 0
let receiver: Server
let receiverUrl = ''

/** `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` words of a header, decoded. */
function decodeWords(s: string): string {
  return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) => enc.toLowerCase() === 'b'
    ? Buffer.from(data, 'base64').toString('utf8')
    : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8'))
}

/** The subject and the text/plain part of a raw message (nodemailer sends it base64). */
function parseMail(raw: string): { subject: string, text: string } {
  const [head] = raw.split(/\r\n\r\n/)
  const unfolded = head!.replace(/\r\n[ \t]+/g, ' ')
  const subject = decodeWords(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '')
  const part = /Content-Type: text\/plain[^\r\n]*\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/i.exec(raw)
  return { subject, text: part ? Buffer.from(part[1]!.replace(/\s/g, ''), 'base64').toString('utf8') : '' }
}

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 100))
  }
}

/** Every placeholder any kind uses, each carrying the run marker. */
const PARAMS = Object.fromEntries(['hostname', 'plan', 'customer', 'message', 'what', 'reason', 'candidates', 'server', 'domain', 'date', 'subscription', 'account', 'amounts', 'threshold', 'upstream_id', 'note', 'ip', 'number', 'total']
  .map(k => [k, `${RUN}-${k}`]))

let admin: Client

beforeAll(async () => {
  admin = await adminClient()
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'mailer' && auth.password === 'smtp-secret-pw') return cb(null, { user: auth.username })
      cb(new Error('Invalid username or password'))
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map(r => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')) })
        cb()
      })
    },
  })
  await new Promise<void>(r => smtp.listen(0, '127.0.0.1', () => r()))
  smtpPort = (smtp.server.address() as AddressInfo).port

  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const timestamp = String(req.headers['x-timestamp'] ?? '')
      const secret = secrets.get(req.url ?? '') ?? ''
      const signed = verifyWebhook(secret, timestamp, body, String(req.headers['x-signature'] ?? ''))
      hits.push({ path: req.url ?? '', body: JSON.parse(body), signed, timestamp })
      res.statusCode = req.url === '/bad' ? 503 : signed ? 200 : 401
      res.end()
    })
  })
  await new Promise<void>(r => receiver.listen(0, '127.0.0.1', () => r()))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
})

afterAll(async () => {
  // Later suites must not mail or post into closed ports.
  await admin?.put('/api/admin/alerts/smtp', { enabled: false, host: '', port: 587, secure: false, user: '', password: '', from: '', product_name: 'Hosting panel', panel_url: '' })
  for (const w of (await admin?.get('/api/admin/webhooks'))?.body ?? []) await admin.del(`/api/admin/webhooks/${w.id}`)
  await new Promise(r => smtp?.close(() => r(null)))
  await new Promise(r => receiver?.close(() => r(null)))
})

describe('settings', () => {
  it('SMTP settings: stored with the password encrypted, answered masked, audited without values', async () => {
    const { client: cust } = await customerClient(admin, 'Nosy Customer')
    expect((await cust.get('/api/admin/alerts/smtp')).status).toBe(403)
    expect((await admin.put('/api/admin/alerts/smtp', { enabled: true, host: '', port: 25, secure: false, user: '', from: '', product_name: 'X', panel_url: '' })).status).toBe(400)

    const r = await admin.put('/api/admin/alerts/smtp', {
      enabled: true, host: '127.0.0.1', port: smtpPort, secure: false, user: 'mailer', password: 'smtp-secret-pw',
      from: 'Acme Cloud <alerts@acme.test>', product_name: 'Acme Cloud', panel_url: 'https://panel.acme.test',
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ enabled: true, host: '127.0.0.1', port: smtpPort, user: 'mailer', password_set: true, password: '••••t-pw', product_name: 'Acme Cloud' })
    expect(JSON.stringify((await admin.get('/api/admin/alerts/smtp')).body)).not.toContain('smtp-secret-pw')
    // Saving without a password keeps the saved one; the answer's own fields are not input.
    expect((await admin.put('/api/admin/alerts/smtp', r.body)).status).toBe(400)
    const { password_set: _s, password: _p, ...keep } = r.body
    expect((await admin.put('/api/admin/alerts/smtp', keep)).body.password_set).toBe(true)
    const audit = await admin.get('/api/audit?action=alerts')
    expect(JSON.stringify(audit.body)).not.toContain('smtp-secret-pw')
  })

  it('webhooks: created with a secret shown once, listed masked', async () => {
    const good = await admin.post('/api/admin/webhooks', { name: 'Ops good', url: `${receiverUrl}/good` })
    expect(good.status).toBe(201)
    expect(good.body.secret).toMatch(/^whsec_[0-9a-f]{48}$/)
    secrets.set('/good', good.body.secret)
    const bad = await admin.post('/api/admin/webhooks', { name: 'Ops broken', url: `${receiverUrl}/bad`, kinds: ['balance_low'] })
    expect(bad.status).toBe(201)
    secrets.set('/bad', bad.body.secret)
    expect((await admin.post('/api/admin/webhooks', { name: 'x', url: 'ftp://example.com' })).status).toBe(400)
    expect((await admin.post('/api/admin/webhooks', { name: 'x', url: `${receiverUrl}/x`, kinds: ['nope'] })).status).toBe(400)
    const list = await admin.get('/api/admin/webhooks')
    expect(list.body.map((w: any) => w.name)).toEqual(expect.arrayContaining(['Ops good', 'Ops broken']))
    expect(JSON.stringify(list.body)).not.toContain(good.body.secret)
    expect(list.body.find((w: any) => w.id === good.body.id).secret_hint).toBe(`••••${good.body.secret.slice(-4)}`)
    expect((await admin.get('/api/admin/webhooks/00000000-0000-4000-8000-000000000000/deliveries')).status).toBe(404)
  })
})

describe('every kind reaches every channel', () => {
  it('in the panel, by e-mail (the reader\'s language, the product name) and by signed webhook', async () => {
    const email = `ops-${RUN}@example.com`
    const created = await admin.post('/api/users', { email, name: 'Otto Ops', password: 'ops-pass-12345', role: 'admin' })
    expect(created.status).toBe(201)
    const ops = new Client()
    expect((await ops.post('/api/auth/login', { email, password: 'ops-pass-12345' })).status).toBe(200)
    const prefs = await ops.get('/api/notifications/preferences')
    expect(prefs.body.items.map((i: any) => i.kind).sort()).toEqual([...ALERT_KIND_NAMES].sort())
    expect((await ops.put('/api/notifications/preferences', { items: ALERT_KIND_NAMES.map(kind => ({ kind, in_app: true, email: true })) })).body.items.every((i: any) => i.email)).toBe(true)

    for (const kind of ALERT_KIND_NAMES) {
      const r = await admin.post('/api/_test/alerts-emit', { kind, params: { ...PARAMS, days: 7 }, user_ids: [created.body.id], link: '/servers' })
      expect(r.body, kind).toEqual({ in_app: 1, external: true })
    }

    const notes = (await ops.get('/api/notifications')).body.items
    for (const kind of ALERT_KIND_NAMES) {
      const n = notes.find((x: any) => x.kind === kind)
      expect(n, kind).toBeTruthy()
      expect(n.title, kind).toContain(RUN)
      expect(n.params.days).toBe(7)
    }
    expect(notes.find((x: any) => x.kind === 'domain_expiring').title).toBe(`${RUN}-domain expires in 7 days`)

    const mine = await until('an e-mail of every kind', () => {
      const got = mails.filter(m => m.to.includes(email) && m.subject.includes(RUN))
      return got.length >= ALERT_KIND_NAMES.length && got
    })
    expect(mine).toHaveLength(ALERT_KIND_NAMES.length)
    const expiring = mine.find(m => m.subject.includes('expires in 7 days'))!
    expect(expiring.subject).toBe(`[Acme Cloud] ${RUN}-domain expires in 7 days`)
    expect(expiring.text).toContain('Hello Otto Ops,')
    expect(expiring.text).toContain('Open in Acme Cloud: https://panel.acme.test/servers')

    const posted = await until('a webhook of every kind', () => {
      const got = hits.filter(h => h.path === '/good' && h.body.params?.hostname === PARAMS.hostname)
      return got.length >= ALERT_KIND_NAMES.length && got
    })
    expect(posted.map(h => h.body.kind).sort()).toEqual([...ALERT_KIND_NAMES].sort())
    expect(posted.every(h => h.signed)).toBe(true)
    expect(Math.abs(Number(posted[0]!.timestamp) - Date.now() / 1000)).toBeLessThan(120)
    expect(posted.find(h => h.body.kind === 'balance_low')!.body).toMatchObject({ level: 'warning', title: `Low balance: ${RUN}-account`, link: '/servers' })

    // The same reader in Russian.
    expect((await ops.patch('/api/auth/me', { locale: 'ru' })).status).toBe(200)
    await admin.post('/api/_test/alerts-emit', { kind: 'domain_expired', params: { domain: `ru-${RUN}.example`, date: '2026-11-01' }, user_ids: [created.body.id] })
    const ru = await until('the Russian e-mail', () => mails.find(m => m.to.includes(email) && m.subject.includes(`ru-${RUN}`)))
    expect(ru.subject).toBe(`[Acme Cloud] Срок ru-${RUN}.example истёк`)
    expect(ru.text).toContain('Здравствуйте, Otto Ops!')
    expect(ru.text).toContain('Срок истёк 2026-11-01.')
  })

  it('a failing receiver is retried with backoff, then the delivery is marked failed', async () => {
    const endpoints = (await admin.get('/api/admin/webhooks')).body
    const bad = endpoints.find((w: any) => w.name === 'Ops broken')
    const marker = `${RUN}-low`
    expect((await admin.post('/api/_test/alerts-emit', { kind: 'balance_low', params: { account: marker, amounts: '1.00 EUR', threshold: '10.00' }, admins: true })).body.external).toBe(true)
    // Kinds the endpoint did not ask for never reach it.
    await admin.post('/api/_test/alerts-emit', { kind: 'sync_failing', params: { account: marker, message: 'x' }, admins: true })

    const first = await until('the first attempt', () => hits.find(h => h.path === '/bad' && h.body.params?.account === marker))
    const failed = await until('the delivery to be marked failed', async () =>
      (await admin.get(`/api/admin/webhooks/${bad.id}/deliveries`)).body.find((x: any) => x.id === first.body.delivery_id && x.status === 'failed'), 45_000)
    expect(failed).toMatchObject({ attempts: 3, max_attempts: 3, response_status: 503, last_error: 'The receiver answered 503' })
    const tries = hits.filter(h => h.path === '/bad' && h.body.params?.account === marker)
    expect(tries).toHaveLength(3)
    expect(new Set(tries.map(t => t.body.delivery_id)).size).toBe(1)
    expect(tries.every(t => t.signed)).toBe(true)
    // Backoff: the waits grow (1 s, then about 2 s), each at least the configured second.
    const at = tries.map(t => Number(t.timestamp))
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1)
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(1)
    expect(hits.some(h => h.path === '/bad' && h.body.kind === 'sync_failing')).toBe(false)
  })

  it('"send test" queues a delivery whose log shows the receiver\'s answer', async () => {
    const good = (await admin.get('/api/admin/webhooks')).body.find((w: any) => w.name === 'Ops good')
    const t = await admin.post(`/api/admin/webhooks/${good.id}/test`)
    expect(t.status).toBe(202)
    expect(t.body).toMatchObject({ kind: 'test', status: 'pending', attempts: 0 })
    const done = await until('the test delivery', async () => (await admin.get(`/api/admin/webhooks/${good.id}/deliveries`)).body.find((d: any) => d.id === t.body.id && d.status !== 'pending'))
    expect(done).toMatchObject({ status: 'delivered', response_status: 200, attempts: 1, last_error: null })
    expect(hits.find(h => h.body.delivery_id === t.body.id)?.signed).toBe(true)
  })

  it('a repeat with the same key refreshes the notice but mails and posts once', async () => {
    const key = `${RUN}-repeat`
    const first = await admin.post('/api/_test/alerts-emit', { kind: 'sync_failing', params: { account: key, message: 'down' }, admins: true, dedupe_key: key })
    const second = await admin.post('/api/_test/alerts-emit', { kind: 'sync_failing', params: { account: key, message: 'down' }, admins: true, dedupe_key: key })
    expect(first.body.external).toBe(true)
    expect(second.body.external).toBe(false)
    expect((await admin.get('/api/notifications')).body.items.filter((n: any) => n.params?.account === key)).toHaveLength(1)
  })
})

describe('choices', () => {
  it('a customer sees only their kinds and can keep one out of the panel', async () => {
    const { client: cust, user } = await customerClient(admin, 'Pia Prefs')
    const prefs = (await cust.get('/api/notifications/preferences')).body.items
    const kinds = prefs.map((i: any) => i.kind)
    expect(kinds).toContain('server_suspended')
    expect(kinds).not.toContain('balance_low')
    expect(prefs.find((i: any) => i.kind === 'server_suspended')).toMatchObject({ in_app: true, email: true, default_in_app: true, default_email: true })

    expect((await cust.put('/api/notifications/preferences', { items: [{ kind: 'nope', in_app: true, email: true }] })).status).toBe(400)
    const saved = await cust.put('/api/notifications/preferences', { items: [{ kind: 'server_suspended', in_app: false, email: false }, { kind: 'balance_low', in_app: false, email: true }] })
    expect(saved.status).toBe(200)
    expect(saved.body.items.find((i: any) => i.kind === 'server_suspended')).toMatchObject({ in_app: false, email: false })
    expect(saved.body.items.some((i: any) => i.kind === 'balance_low')).toBe(false)

    const r = await admin.post('/api/_test/alerts-emit', { kind: 'server_suspended', params: { server: `${RUN}-quiet`, reason: 'unpaid' }, user_ids: [user.id] })
    expect(r.body.in_app).toBe(0)
    expect((await cust.get('/api/notifications')).body.items).toHaveLength(0)
    // The webhook still hears of it: the admins' channel does not depend on one customer's choice.
    await until('the webhook of the quiet alert', () => hits.find(h => h.path === '/good' && h.body.params?.server === `${RUN}-quiet`))
    expect(mails.some(m => m.to.includes(user.email))).toBe(false)
  })
})

/** A sign-in sent from another loopback address (127.0.0.2), so the app sees a new IP. */
function loginFrom(localAddress: string, email: string, password: string): Promise<number> {
  const url = new URL('/api/auth/login', baseUrl())
  const body = JSON.stringify({ email, password })
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'origin': baseUrl(), 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('sign-in from a new address', () => {
  it('alerts the account once per new address, never on the first sign-in', async () => {
    const { client: cust, user, password } = await customerClient(admin, 'Ivo Address')
    const ofKind = async () => (await cust.get('/api/notifications')).body.items.filter((n: any) => n.kind === 'login_new_ip')
    expect(await ofKind()).toHaveLength(0)
    expect(await loginFrom('127.0.0.1', user.email, password)).toBe(200)
    expect(await ofKind()).toHaveLength(0)
    expect(await loginFrom('127.0.0.2', user.email, password)).toBe(200)
    const notes = await ofKind()
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ level: 'info', params: { ip: '127.0.0.2' }, title: 'New sign-in from 127.0.0.2' })
    expect(await loginFrom('127.0.0.2', user.email, password)).toBe(200)
    expect(await ofKind()).toHaveLength(1)
  })
})
