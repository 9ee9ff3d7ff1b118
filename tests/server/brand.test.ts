/**
 * The brand (white label): settings with a contrast check, the logo (type and size checked,
 * served with caching), the brand's name in e-mails, and the SMTP "send test mail" button
 * (a loopback SMTP server takes it, or refuses it: a 502 with the server's words).
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, type Client, adminClient, baseUrl, customerClient } from './helpers'

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
const BRAND = { name: 'Acme Cloud', primary_color: '#0b5394', secondary_color: '#6e40c9', support_email: 'help@acme.test', support_url: 'https://help.acme.test', portal_domain: 'portal.acme.test' }

let admin: Client
let smtp: SMTPServer
let smtpPort = 0
const mails: { to: string[], raw: string }[] = []
let refuse = false

beforeAll(async () => {
  admin = await adminClient()
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, cb) {
      if (refuse) return cb(Object.assign(new Error('Mailbox unavailable: relaying denied'), { responseCode: 550 }))
      cb()
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map(r => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        cb()
      })
    },
  })
  await new Promise<void>(r => smtp.listen(0, '127.0.0.1', () => r()))
  smtpPort = (smtp.server.address() as AddressInfo).port
})

afterAll(async () => {
  await admin?.put('/api/admin/alerts/smtp', { enabled: false, host: '', port: 587, secure: false, user: '', password: '', from: '', product_name: 'Hosting panel', panel_url: '' })
  await admin?.put('/api/admin/brand', { ...BRAND, name: 'Hosting panel', primary_color: '#1f6feb', support_email: '', support_url: '', portal_domain: '' })
  await admin?.del('/api/admin/brand/logo')
  await new Promise(r => smtp?.close(() => r(null)))
})

describe('brand settings', () => {
  it('are public to read, admin-only to change, and refuse a colour white text does not read on', async () => {
    const anon = await fetch(`${baseUrl()}/api/brand`)
    expect(anon.status).toBe(200)
    const { client: cust } = await customerClient(admin, 'Bea Brand')
    expect((await cust.put('/api/admin/brand', BRAND)).status).toBe(403)

    const pale = await admin.put('/api/admin/brand', { ...BRAND, primary_color: '#8ab4f8' })
    expect(pale.status).toBe(400)
    expect(pale.body).toMatchObject({ code: 'brand_contrast', details: { fields: ['primary_color'] } })
    expect((await admin.put('/api/admin/brand', { ...BRAND, portal_domain: 'not a domain' })).status).toBe(400)

    const r = await admin.put('/api/admin/brand', BRAND)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ ...BRAND, logo_url: null })
    // The dark theme's shade is lighter, so it reads on the dark surfaces.
    expect(r.body.primary_color_dark).not.toBe(BRAND.primary_color)
    expect((await cust.get('/api/brand')).body).toMatchObject({ name: 'Acme Cloud' })
    const audit = await admin.get('/api/audit?action=brand')
    expect(JSON.stringify(audit.body)).toContain('brand.updated')
  })

  it('renders the brand on the login page and in page titles (SSR), with its colours in the theme', async () => {
    const html = await (await fetch(`${baseUrl()}/login`)).text()
    expect(html).toContain('Acme Cloud')
    expect(html).toMatch(/<title>[^<]*Acme Cloud<\/title>/)
    expect(html).toContain('help@acme.test')
    // Vuetify's theme variables carry the colour as r,g,b.
    expect(html).toContain('--v-theme-primary: 11,83,148')
  })
})

describe('the logo', () => {
  it('checks the type by its bytes and the size, and is served with caching', async () => {
    expect((await admin.put('/api/admin/brand/logo', { mime: 'image/jpeg', data: PNG })).body.code).toBe('logo_wrong_type')
    expect((await admin.put('/api/admin/brand/logo', { mime: 'image/png', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64') })).status).toBe(415)
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(201 * 1024)]).toString('base64')
    const tooBig = await admin.put('/api/admin/brand/logo', { mime: 'image/png', data: big })
    expect(tooBig.status).toBe(413)
    expect(tooBig.body.code).toBe('logo_too_large')
    expect((await admin.put('/api/admin/brand/logo', { mime: 'image/gif', data: PNG })).status).toBe(400)

    const r = await admin.put('/api/admin/brand/logo', { mime: 'image/png', data: PNG })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.logo_url).toMatch(/^\/api\/brand\/logo\?v=[0-9a-f]{16}$/)

    const img = await fetch(baseUrl() + r.body.logo_url)
    expect(img.status).toBe(200)
    expect(img.headers.get('content-type')).toBe('image/png')
    expect(img.headers.get('cache-control')).toContain('immutable')
    expect(Buffer.from(await img.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true)
    const etag = img.headers.get('etag')!
    const again = await fetch(`${baseUrl()}/api/brand/logo`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('cache-control')).toContain('must-revalidate')

    expect((await admin.del('/api/admin/brand/logo')).body.logo_url).toBeNull()
    expect((await fetch(`${baseUrl()}/api/brand/logo`)).status).toBe(404)
  })
})

describe('send test mail', () => {
  const settings = () => ({ enabled: true, host: '127.0.0.1', port: smtpPort, secure: false, user: '', password: '', from: 'Acme Cloud <alerts@acme.test>', product_name: 'Acme Cloud', panel_url: '' })

  it('says when sending is off, mails the admin with the brand, and passes on the SMTP server\'s refusal', async () => {
    await admin.put('/api/admin/alerts/smtp', { ...settings(), enabled: false })
    const off = await admin.post('/api/admin/alerts/smtp/test')
    expect(off.status).toBe(409)
    expect(off.body).toMatchObject({ code: 'smtp_off', error: expect.any(String) })

    const { client: cust } = await customerClient(admin, 'Tim Tester')
    expect((await cust.post('/api/admin/alerts/smtp/test')).status).toBe(403)

    expect((await admin.put('/api/admin/alerts/smtp', settings())).status).toBe(200)
    const ok = await admin.post('/api/admin/alerts/smtp/test')
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body).toEqual({ status: 'sent', to: ADMIN.email })
    const mail = mails.find(m => m.to.includes(ADMIN.email))
    expect(mail?.raw).toMatch(/Subject: .*Acme Cloud/)

    refuse = true
    try {
      const bad = await admin.post('/api/admin/alerts/smtp/test')
      expect(bad.status).toBe(502)
      expect(bad.body.code).toBe('smtp_failed')
      expect(bad.body.error).toMatch(/relaying denied/)
    }
    finally { refuse = false }

    await admin.put('/api/admin/alerts/smtp', { ...settings(), port: 1 })
    const down = await admin.post('/api/admin/alerts/smtp/test')
    expect(down.status).toBe(502)
    expect(down.body.code).toBe('smtp_failed')
  })

  it('one product name: the SMTP form\'s is the brand\'s', async () => {
    await admin.put('/api/admin/alerts/smtp', { ...settings(), product_name: 'Acme Hosting' })
    expect((await admin.get('/api/brand')).body.name).toBe('Acme Hosting')
    await admin.put('/api/admin/brand', { ...BRAND, name: 'Acme Cloud' })
    expect((await admin.get('/api/admin/alerts/smtp')).body.product_name).toBe('Acme Cloud')
  })
})
