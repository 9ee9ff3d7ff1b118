/**
 * Invoice e-mails carry the invoice as a PDF (a real SMTP server on loopback captures them): the
 * mail for an issued invoice and the one for its payment each attach the PDF as it is at that
 * moment, in the customer's language, and pdftotext reads the number and the total in it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMinor } from '../../shared/billing/format'
import { type Client, adminClient, customerClient } from './helpers'
import { configureSandboxAccounts } from './servers-helpers'
import { GOOD_MAPPINGS, order, uniqueHost } from './portal-helpers'

interface Attachment { filename: string, type: string, content: Buffer }
interface Mail { to: string[], raw: string, attachments: Attachment[] }

const mails: Mail[] = []
let smtp: SMTPServer
let admin: Client

/** The base64 parts of a raw message that are attachments (nodemailer's multipart/mixed). */
function attachmentsOf(raw: string): Attachment[] {
  const out: Attachment[] = []
  for (const part of raw.split(/\r\n--[^\r\n]+\r\n/)) {
    const [head, ...rest] = part.split(/\r\n\r\n/)
    const unfolded = (head ?? '').replace(/\r\n[ \t]+/g, ' ')
    if (!/Content-Disposition: attachment/i.test(unfolded)) continue
    const type = /Content-Type: ([^;\r\n]+)/i.exec(unfolded)?.[1]?.trim() ?? ''
    const filename = /filename="?([^";\r\n]+)"?/i.exec(unfolded)?.[1] ?? ''
    const body = rest.join('\r\n\r\n').split(/\r\n--/)[0]!
    out.push({ filename, type, content: Buffer.from(body.replace(/\s/g, ''), 'base64') })
  }
  return out
}

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mail-pdf-')), 'a.pdf')
  writeFileSync(file, pdf)
  // pdftotext may print a no-break space as a plain one: compare with both as spaces.
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u00A0\u202F]/g, ' ')
}
const spaced = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ')

/** Mails go out through the e-mail job queue, which other files' jobs may still keep busy: a generous wait. */
async function until<T>(what: string, fn: () => T | undefined | null | false, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${mails.length} mails captured: ${mails.map(m => `${m.to.join(',')}:${m.attachments.length}`).join(' ')})`)
    await new Promise(r => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        mails.push({ to: session.envelope.rcptTo.map(r => r.address), raw, attachments: attachmentsOf(raw) })
        cb()
      })
    },
  })
  await new Promise<void>(r => smtp.listen(0, '127.0.0.1', () => r()))
  const port = (smtp.server.address() as AddressInfo).port
  const s = await admin.put('/api/admin/alerts/smtp', { enabled: true, host: '127.0.0.1', port, secure: false, user: '', from: 'Billing <billing@acme.test>', product_name: 'Hosting panel', panel_url: '' })
  expect(s.status, JSON.stringify(s.body)).toBe(200)
})

afterAll(async () => {
  // Later suites must not mail into a closed port.
  await admin?.put('/api/admin/alerts/smtp', { enabled: false, host: '', port: 587, secure: false, user: '', password: '', from: '', product_name: 'Hosting panel', panel_url: '' })
  await new Promise(r => smtp?.close(() => r(null)))
})

describe('invoice e-mails carry the invoice PDF', () => {
  it('issued and paid: each mail attaches the invoice, in the customer\'s language, with its number and total', async () => {
    const cust = await customerClient(admin, 'Rita Russkaya')
    expect((await cust.client.patch('/api/auth/me', { locale: 'ru' })).status).toBe(200)
    const plan = await admin.post('/api/plans', {
      name: `mailed ${randomUUID().slice(0, 8)}`, account: 'virtfusion', mapping: { ...GOOD_MAPPINGS.virtfusion },
      prices: [{ cycle: 'monthly', amount_minor: 2345, currency: 'EUR' }],
    })
    expect(plan.status, JSON.stringify(plan.body)).toBe(201)
    const placed = (await order(cust.client, { plan_id: plan.body.id, template: '46', hostname: uniqueHost('mail') })).body
    expect(placed.invoice_id, JSON.stringify(placed)).toEqual(expect.any(String))
    const inv = (await cust.client.get(`/api/invoices/${placed.invoice_id}`)).body
    expect(inv.status).toBe('open')
    const email = cust.user.email as string
    const total = spaced(formatMinor(inv.total_minor, inv.currency, 'ru-RU'))

    const issued = await until('the invoice-issued mail with its PDF', () => mails.find(m => m.to.includes(email) && m.attachments.length))
    expect(issued.attachments).toHaveLength(1)
    const pdf = issued.attachments[0]!
    expect(pdf).toMatchObject({ type: 'application/pdf', filename: `invoice-${inv.number}.pdf` })
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(pdf.content)
    expect(text).toContain(inv.number)
    expect(text).toContain(total)
    // Russian words, not English ones.
    expect(text).toContain('Счёт')
    expect(text).toContain('Итого')
    expect(text).toContain('Ожидает оплаты')
    expect(text).not.toContain('Total')

    const before = mails.filter(m => m.to.includes(email)).length
    const paid = await admin.post(`/api/invoices/${inv.id}/payments`, { amount_minor: inv.total_minor, reference: 'wire 42' }, { 'Idempotency-Key': randomUUID() })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    const mailed = await until('the invoice-paid mail', () => mails.filter(m => m.to.includes(email)).slice(before).find(m => m.attachments.length))
    expect(mailed.attachments).toHaveLength(1)
    const paidText = pdfText(mailed.attachments[0]!.content)
    expect(paidText).toContain(inv.number)
    expect(paidText).toContain(total)
    // The PDF as the invoice is now: paid.
    expect(paidText).toContain('Оплачен')
    expect(paidText).not.toContain('Ожидает оплаты')
  }, 240_000)

  it('a mail about no invoice carries no attachment', async () => {
    const ops = await customerClient(admin, 'Nadia Noinvoice')
    await admin.post('/api/_test/alerts-emit', { kind: 'order_ready', params: { hostname: 'plain.example' }, user_ids: [ops.user.id] })
    const m = await until('the plain alert mail', () => mails.find(x => x.to.includes(ops.user.email)))
    expect(m.attachments).toEqual([])
  }, 120_000)
})
