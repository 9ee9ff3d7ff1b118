/**
 * DNS routes against the Hostinger simulator. Each block buys its own fresh domain in the
 * sandbox (which gives it Hostinger's default zone), so nothing here depends on other files.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { normalizeRecord } from '../../shared/dns/normalize'
import type { DnsRecord } from '../../shared/dns/types'
import type { Client } from './helpers'
import { adminClient, customerClient, sandboxAdmin, sandboxUrl } from './helpers'

const SLUG = 'dns-hostinger'
const NAMED_CHECKZONE = '/usr/bin/named-checkzone'
let admin: Client
const tmp = mkdtempSync(join(tmpdir(), 'dns-server-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let n = 0
/** A new domain in the sandbox portfolio, with Hostinger's default zone (9 records). */
async function freshZone(prefix = 'dnst'): Promise<string> {
  const domain = `${prefix}-${Date.now().toString(36)}${n++}.com`
  const res = await fetch(`${sandboxBaseUrl(sandboxUrl(), 'hostinger')}/api/domains/v1/portfolio`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${SANDBOX_CREDENTIALS.hostinger.api_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ domain, item_id: 'hostingercom-domain-com-usd-1y' }),
  })
  if (!res.ok) throw new Error(`sandbox purchase failed: ${res.status} ${await res.text()}`)
  return domain
}

const zonePath = (domain: string, rest = '') => `/api/hosting/providers/${SLUG}/dns/${domain}${rest}`
const zone = async (domain: string): Promise<DnsRecord[]> => {
  const r = await admin.get(zonePath(domain))
  expect(r.status).toBe(200)
  return r.body
}
/** Canonical, id-less, sorted: two equal zones compare equal. */
function canon(records: DnsRecord[], domain: string) {
  return records.map((r) => { const { id: _id, ...x } = normalizeRecord(r, domain); return x })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

beforeAll(async () => {
  admin = await adminClient()
  const creds = SANDBOX_CREDENTIALS.hostinger
  const r = await admin.post(`/api/hosting/providers/${SLUG}/configure`, { type: 'hostinger', api_key: creds.api_key, extra: { base_url: sandboxBaseUrl(sandboxUrl(), 'hostinger') } })
  expect([200, 201]).toContain(r.status)
})

// Other files count the provider accounts: leave none behind (snapshots and assignments go with it).
afterAll(async () => {
  await admin.del(`/api/hosting/providers/${SLUG}`)
})

describe('reading a zone', () => {
  it('answers the seed shape', async () => {
    const domain = await freshZone()
    const records = await zone(domain)
    expect(records).toHaveLength(9)
    expect(records).toContainEqual(expect.objectContaining({ id: '@/MX/0', type: 'MX', name: '@', content: 'mx1.hostinger.com', priority: 5 }))
    expect(records.find(r => r.type === 'TXT')!.content).toBe('v=spf1 include:_spf.mail.hostinger.com ~all')
  })

  it('404s for an unknown account or zone, 400s for a malformed domain', async () => {
    expect((await admin.get(`/api/hosting/providers/nope/dns/example.com`)).status).toBe(404)
    const missing = await admin.get(zonePath('no-such-zone-here.com'))
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatch(/not found/i)
    const bad = await admin.get(zonePath('bad_domain!'))
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/Domain/)
  })
})

describe('POST: add one record', () => {
  let domain: string
  beforeAll(async () => { domain = await freshZone() })

  it('dry_run answers the plan and writes nothing', async () => {
    const r = await admin.post(zonePath(domain, '?dry_run=1'), { type: 'A', name: 'api', content: '192.0.2.10', ttl: 3600 })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'planned', destructive: false })
    expect(r.body.plan.adds).toEqual([expect.objectContaining({ type: 'A', name: 'api', content: '192.0.2.10' })])
    expect(r.body.plan).toMatchObject({ changes: [], deletes: [], unchanged: 9, zone_size: 9, summary: '1 to add (9 unchanged)' })
    expect((await zone(domain)).some(x => x.name === 'api')).toBe(false)
  })

  it('adds without touching the rest, answers created + the plan, then refuses the duplicate', async () => {
    const before = await zone(domain)
    const r = await admin.post(zonePath(domain), { type: 'A', name: 'api', content: '192.0.2.10', ttl: 3600, priority: 0 })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ status: 'created', changed: true })
    expect(r.body.plan.adds).toHaveLength(1)
    expect(r.body.snapshot_id).toMatch(/^panel-/)
    const after = await zone(domain)
    expect(after).toHaveLength(before.length + 1)
    expect(after).toContainEqual(expect.objectContaining({ type: 'A', name: 'api', content: '192.0.2.10', ttl: 3600 }))

    const again = await admin.post(zonePath(domain), { type: 'A', name: 'api', content: '192.0.2.10', ttl: 3600 })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'duplicate_record' })
    expect(again.body.error).toMatch(/already exists/)
  })

  it('an added MX with another TTL takes its set along, and the plan says so', async () => {
    const r = await admin.post(zonePath(domain, '?dry_run=1'), { type: 'MX', name: '@', content: 'mx3.example.net', priority: 30, ttl: 600 })
    expect(r.body.plan.adds).toHaveLength(1)
    expect(r.body.plan.changes.map((c: any) => [c.before.ttl, c.after.ttl])).toEqual([[14400, 600], [14400, 600]])
  })

  it('calls the provider\'s validate endpoint before writing', async () => {
    const log0 = (await sandboxAdmin('/requests?provider=hostinger', 'GET')).length
    expect((await admin.post(zonePath(domain), { type: 'TXT', name: 'check', content: 'hello world', ttl: 300 })).status).toBe(201)
    const log = (await sandboxAdmin('/requests?provider=hostinger', 'GET')).slice(log0).filter((x: any) => x.path.includes(domain) && x.method !== 'GET')
    const firstValidate = log.findIndex((x: any) => x.method === 'POST' && x.path.endsWith('/validate'))
    const firstPut = log.findIndex((x: any) => x.method === 'PUT')
    expect(firstValidate).toBeGreaterThanOrEqual(0)
    expect(firstPut).toBeGreaterThan(firstValidate)
  })

  it('a refusal from the validate endpoint writes nothing and takes no snapshot', async () => {
    const before = await zone(domain)
    const snaps = (await admin.get(zonePath(domain, '/snapshots'))).body.snapshots.length
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', status: 422, match: '/validate', count: 1 })
    try {
      const r = await admin.post(zonePath(domain), { type: 'A', name: 'refused', content: '192.0.2.99', ttl: 3600 })
      expect(r.status).toBe(400)
      expect(r.body.provider).toBe('Hostinger')
    }
    finally { await sandboxAdmin('/faults', 'DELETE') }
    expect(canon(await zone(domain), domain)).toEqual(canon(before, domain))
    expect((await admin.get(zonePath(domain, '/snapshots'))).body.snapshots.length).toBe(snaps)
  })
})

describe('validation per record type', () => {
  let domain: string
  beforeAll(async () => { domain = await freshZone() })

  const good: Record<string, any>[] = [
    { type: 'A', name: 'a1', content: '203.0.113.7' },
    { type: 'AAAA', name: 'v6', content: '2001:db8::1' },
    { type: 'CNAME', name: 'blog', content: 'hosting.example.net' },
    { type: 'MX', name: '@', content: 'mail.example.net', priority: 10 },
    { type: 'TXT', name: '_acme', content: 'token-123 with spaces' },
    { type: 'NS', name: 'sub', content: 'ns1.example.net' },
    { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.net', priority: 10 },
    { type: 'CAA', name: '@', content: '0 issuewild "letsencrypt.org"' },
  ]
  const bad: [Record<string, any>, string, RegExp][] = [
    [{ type: 'A', name: 'a1', content: '999.1.2.3' }, 'content', /IPv4|0.255|255/i],
    [{ type: 'AAAA', name: 'v6', content: '2001:db8::g' }, 'content', /IPv6/i],
    [{ type: 'CNAME', name: '@', content: 'example.net' }, 'name', /CNAME can't be at the domain itself/],
    [{ type: 'CNAME', name: 'ftp', content: 'example.net' }, 'name', /CNAME must be the only record|already has/],
    [{ type: 'MX', name: '@', content: 'mail.example.net' }, 'priority', /priority is required/],
    [{ type: 'MX', name: '@', content: 'mail', priority: 10 }, 'content', /full host name/],
    [{ type: 'TXT', name: 'x', content: '"unterminated' }, 'content', /quote/i],
    [{ type: 'NS', name: 'sub', content: 'ns1' }, 'content', /full host name/],
    [{ type: 'SRV', name: 'sip', content: '5 5060 sip.example.net', priority: 10 }, 'name', /_sip._tcp/],
    [{ type: 'SRV', name: '_sip._tcp', content: '5 99999 sip.example.net', priority: 10 }, 'content', /port/],
    [{ type: 'CAA', name: '@', content: '0 issues "letsencrypt.org"' }, 'content', /issue|tag/i],
    [{ type: 'CAA', name: '@', content: '256 issue "letsencrypt.org"' }, 'content', /flags/i],
    [{ type: 'A', name: 'a1', content: '203.0.113.7', ttl: 30 }, 'ttl', /TTL must be a whole number of seconds from 60/],
    [{ type: 'SPF', name: 'a1', content: 'x' }, 'type', /not supported/],
  ]

  it.each(good)('accepts a good $type record (dry run)', async (record) => {
    const r = await admin.post(zonePath(domain, '?dry_run=1'), { ttl: 3600, ...record })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.plan.adds).toHaveLength(1)
  })

  it.each(bad)('refuses a bad %o with a readable message on %s', async (record, field, message) => {
    const r = await admin.post(zonePath(domain), { ttl: 3600, ...record })
    expect(r.status, JSON.stringify(r.body)).toBe(400)
    expect(r.body.code).toBe('invalid_records')
    expect(r.body.errors[0]).toMatchObject({ field })
    expect(r.body.errors[0].message).toMatch(message)
    expect(r.body.error).toMatch(message)
  })

  it('PUT reports every bad record with its position', async () => {
    const r = await admin.put(zonePath(domain), { records: [good[0], { type: 'A', name: 'x', content: 'nope', ttl: 3600 }, { type: 'MX', name: '@', content: 'mail.example.net', ttl: 3600 }] })
    expect(r.status).toBe(400)
    expect(r.body.errors.map((e: any) => [e.index, e.field])).toEqual([[1, 'content'], [2, 'priority']])
    expect(r.body.error).toMatch(/record 2 \(A "x"\)/)
  })
})

describe('PUT: batch with overwrite, DELETE by name and type', () => {
  let domain: string
  beforeAll(async () => { domain = await freshZone() })

  it('overwrite replaces the records of the same name AND type only', async () => {
    const before = await zone(domain)
    const r = await admin.put(zonePath(domain), { overwrite: true, records: [{ type: 'MX', name: '@', content: 'mail.example.org', priority: 10, ttl: 14400 }] })
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('updated')
    const after = await zone(domain)
    expect(after.filter(x => x.type === 'MX').map(x => x.content)).toEqual(['mail.example.org'])
    // Every other name/type is untouched, including the other records at @.
    expect(canon(after.filter(x => x.type !== 'MX'), domain)).toEqual(canon(before.filter(x => x.type !== 'MX'), domain))
  })

  it('applying then planning the same request again gives an empty plan', async () => {
    const body = { overwrite: true, records: [
      { type: 'A', name: 'web', content: '192.0.2.20', ttl: 600 },
      { type: 'A', name: 'web', content: '192.0.2.21', ttl: 600 },
      { type: 'TXT', name: '@', content: '"v=spf1 -all"', ttl: 3600 },
      { type: 'CAA', name: '@', content: '0 iodef "mailto:sec@example.org"', ttl: 3600 },
      { type: 'SRV', name: '_xmpp._tcp', content: '0 5222 XMPP.example.org.', priority: 5, ttl: 3600 },
    ] }
    const applied = await admin.put(zonePath(domain), body)
    expect(applied.status, JSON.stringify(applied.body)).toBe(200)
    expect(applied.body.changed).toBe(true)
    const again = await admin.put(zonePath(domain, '?dry_run=1'), body)
    expect(again.body.plan).toMatchObject({ adds: [], changes: [], deletes: [], summary: 'No changes' })
    const noop = await admin.put(zonePath(domain), body)
    expect(noop.body).toMatchObject({ status: 'updated', changed: false })
  })

  it('without overwrite adds; an identical record only takes the new TTL', async () => {
    const r = await admin.put(zonePath(domain), { records: [{ type: 'A', name: 'web', content: '192.0.2.22', ttl: 600 }, { type: 'A', name: 'web', content: '192.0.2.20', ttl: 600 }] })
    expect(r.body.plan.adds).toHaveLength(1)
    expect(r.body.plan.changes).toHaveLength(0)
    expect((await zone(domain)).filter(x => x.name === 'web').map(x => x.content).sort()).toEqual(['192.0.2.20', '192.0.2.21', '192.0.2.22'])
  })

  it('a CNAME can replace an A record in one change (the delete goes first)', async () => {
    const r = await admin.put(zonePath(domain), { delete: [{ name: 'ftp', type: 'A' }], records: [{ type: 'CNAME', name: 'ftp', content: 'files.example.org', ttl: 300 }] })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const ftp = (await zone(domain)).filter(x => x.name === 'ftp')
    expect(ftp).toEqual([expect.objectContaining({ type: 'CNAME', content: 'files.example.org' })])
  })

  it('DELETE ?name=&type= removes that set (dry run first), then 404s', async () => {
    const dry = await admin.del(zonePath(domain, '?name=web&type=A&dry_run=1'))
    expect(dry.body).toMatchObject({ status: 'planned' })
    expect(dry.body.plan.deletes).toHaveLength(3)
    expect((await zone(domain)).filter(x => x.name === 'web')).toHaveLength(3)
    const r = await admin.del(zonePath(domain, '?name=web&type=A'))
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('deleted')
    expect((await zone(domain)).filter(x => x.name === 'web')).toHaveLength(0)
    expect((await admin.del(zonePath(domain, '?name=web&type=A'))).status).toBe(404)
    expect((await admin.del(zonePath(domain, '?name=web&type=BOGUS'))).status).toBe(400)
  })
})

describe('the 30% rule', () => {
  let domain: string
  beforeAll(async () => {
    domain = await freshZone()
    // 9 default records + 3 = 12.
    const r = await admin.put(zonePath(domain), { records: [
      { type: 'A', name: 'h1', content: '192.0.2.1', ttl: 3600 },
      { type: 'A', name: 'h2', content: '192.0.2.2', ttl: 3600 },
      { type: 'A', name: 'h3', content: '192.0.2.3', ttl: 3600 },
    ] })
    expect(r.status).toBe(200)
    expect(await zone(domain)).toHaveLength(12)
  })

  it('lets 3 of 12 (25%) through', async () => {
    const r = await admin.put(zonePath(domain, '?dry_run=1'), { delete: [{ name: 'h1', type: 'A' }, { name: 'h2', type: 'A' }, { name: 'h3', type: 'A' }] })
    expect(r.body).toMatchObject({ status: 'planned', destructive: false })
  })

  it('refuses 4 of 12 (33%) with unsafe_change and the plan, unless forced', async () => {
    const body = { delete: [{ name: 'h1', type: 'A' }, { name: 'h2', type: 'A' }, { name: 'h3', type: 'A' }, { name: 'ftp', type: 'A' }] }
    const dry = await admin.put(zonePath(domain, '?dry_run=1'), body)
    expect(dry.body).toMatchObject({ status: 'planned', destructive: true })
    const refused = await admin.put(zonePath(domain), body)
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('unsafe_change')
    expect(refused.body.error).toMatch(/4 of the zone's 12 records.*force/)
    expect(refused.body.plan.deletes).toHaveLength(4)
    expect(await zone(domain)).toHaveLength(12)

    const forced = await admin.put(zonePath(domain, '?force=1'), body)
    expect(forced.status).toBe(200)
    expect(await zone(domain)).toHaveLength(8)
  })

  it('counts changes too, and takes force from the body', async () => {
    // 8 records now: small zones are never refused.
    const small = await admin.put(zonePath(domain, '?dry_run=1'), { overwrite: true, records: [{ type: 'MX', name: '@', content: 'm.example.org', priority: 1, ttl: 300 }] })
    expect(small.body.destructive).toBe(false)
    await admin.put(zonePath(domain), { records: [1, 2, 3, 4].map(i => ({ type: 'TXT', name: `t${i}`, content: `v${i}`, ttl: 300 })) })
    expect(await zone(domain)).toHaveLength(12)
    const changeTtls = { overwrite: true, records: [1, 2, 3, 4].map(i => ({ type: 'TXT', name: `t${i}`, content: `v${i}`, ttl: 900 })) }
    const refused = await admin.put(zonePath(domain), changeTtls)
    expect(refused.status).toBe(409)
    expect(refused.body.plan.changes).toHaveLength(4)
    const forced = await admin.put(zonePath(domain), { ...changeTtls, force: true })
    expect(forced.status).toBe(200)
  })
})

describe('snapshots and restore', () => {
  let domain: string
  beforeAll(async () => { domain = await freshZone() })

  it('every apply stores our snapshot; restoring it gives back the zone, through a plan', async () => {
    const original = await zone(domain)
    const first = await admin.post(zonePath(domain), { type: 'A', name: 'one', content: '192.0.2.1', ttl: 300 })
    await admin.put(zonePath(domain), { overwrite: true, records: [{ type: 'MX', name: '@', content: 'mx.example.org', priority: 1, ttl: 300 }] })
    await admin.del(zonePath(domain, '?name=ftp&type=A'))
    expect(canon(await zone(domain), domain)).not.toEqual(canon(original, domain))

    const list = await admin.get(zonePath(domain, '/snapshots'))
    expect(list.status).toBe(200)
    const ours = list.body.snapshots.filter((s: any) => s.source === 'panel')
    expect(ours).toHaveLength(3)
    expect(ours.map((s: any) => s.reason)).toContain('Add A record at one')
    expect(ours[0]).toMatchObject({ created_by: { name: expect.any(String) }, record_count: expect.any(Number) })
    expect(list.body.snapshots.some((s: any) => s.source === 'provider')).toBe(true)

    const id = first.body.snapshot_id
    const dry = await admin.post(zonePath(domain, `/snapshots/${id}/restore?dry_run=1`))
    expect(dry.body.status).toBe('planned')
    expect(dry.body.plan.deletes.length + dry.body.plan.changes.length + dry.body.plan.adds.length).toBeGreaterThan(0)
    const restored = await admin.post(zonePath(domain, `/snapshots/${id}/restore`), { force: true })
    expect(restored.status, JSON.stringify(restored.body)).toBe(200)
    expect(restored.body.status).toBe('restored')
    expect(canon(await zone(domain), domain)).toEqual(canon(original, domain))
    const again = await admin.post(zonePath(domain, `/snapshots/${id}/restore?dry_run=1`))
    expect(again.body.plan.summary).toBe('No changes')
  })

  it('restores a provider snapshot the same way', async () => {
    const list = (await admin.get(zonePath(domain, '/snapshots'))).body.snapshots
    const theirs = list.find((s: any) => s.source === 'provider')
    const dry = await admin.post(zonePath(domain, `/snapshots/${theirs.id}/restore?dry_run=1`))
    expect(dry.status, JSON.stringify(dry.body)).toBe(200)
    expect(dry.body.status).toBe('planned')
  })

  it('404s for an unknown snapshot', async () => {
    expect((await admin.post(zonePath(domain, '/snapshots/panel-00000000-0000-0000-0000-000000000000/restore'))).status).toBe(404)
    expect((await admin.post(zonePath(domain, '/snapshots/whatever/restore'))).status).toBe(404)
  })
})

describe('BIND export and import', () => {
  let domain: string
  beforeAll(async () => {
    domain = await freshZone()
    const r = await admin.put(zonePath(domain), { records: [
      { type: 'AAAA', name: '@', content: '2001:db8::10', ttl: 3600 },
      { type: 'A', name: 'mail', content: '192.0.2.25', ttl: 3600 },
      { type: 'SRV', name: '_imaps._tcp', content: '1 993 mail.' + domain, priority: 0, ttl: 3600 },
      { type: 'TXT', name: 'long', content: 'x'.repeat(300), ttl: 3600 },
      { type: 'CAA', name: '@', content: '0 iodef "mailto:sec@example.org"', ttl: 3600 },
    ] })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
  })

  it('exports a file named-checkzone accepts', async () => {
    const r = await admin.req('GET', zonePath(domain, '/export'), undefined, { accept: 'text/plain' })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/text\/plain/)
    expect(r.headers.get('content-disposition')).toContain(`${domain}.zone`)
    // Deliberately a failure, not a skip: without the checker this proves nothing.
    if (!existsSync(NAMED_CHECKZONE)) throw new Error(`${NAMED_CHECKZONE} is missing: install Debian's bind9-utils`)
    const file = join(tmp, `${domain}.zone`)
    writeFileSync(file, r.body)
    let out: string
    try { out = execFileSync(NAMED_CHECKZONE, [domain, file], { encoding: 'utf8' }) }
    catch (e: any) { throw new Error(`named-checkzone refused the export:\n${e.stdout}${e.stderr}\n---\n${r.body}`, { cause: e }) }
    expect(out).toMatch(/OK/)
  })

  it('importing the export (replace) plans nothing', async () => {
    const text = (await admin.req('GET', zonePath(domain, '/export'), undefined, { accept: 'text/plain' })).body
    const r = await admin.post(zonePath(domain, '/import'), { zone_file: text, mode: 'replace', dry_run: true })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.plan).toMatchObject({ adds: [], changes: [], deletes: [] })
  })

  it('imports an edited file: merge adds, replace also deletes', async () => {
    const text = `$ORIGIN ${domain}.\n$TTL 3600\nnew  IN A 192.0.2.77\n@ 3600 IN MX 50 backup.example.org.\n`
    const merge = await admin.post(zonePath(domain, '/import'), { zone_file: text, mode: 'merge' })
    expect(merge.status, JSON.stringify(merge.body)).toBe(200)
    expect(merge.body).toMatchObject({ status: 'imported' })
    expect(merge.body.plan.adds).toHaveLength(2)
    expect(merge.body.plan.deletes).toHaveLength(0)
    const replace = await admin.post(zonePath(domain, '/import?dry_run=1'), { zone_file: text, mode: 'replace' })
    expect(replace.body.plan.deletes.length).toBeGreaterThan(5)
    expect(replace.body.destructive).toBe(true)
    const refused = await admin.post(zonePath(domain, '/import'), { zone_file: text, mode: 'replace' })
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('unsafe_change')
  })

  it('refuses a broken file with line numbers', async () => {
    const text = `$ORIGIN ${domain}.\n$TTL 3600\nok IN A 192.0.2.1\nbad IN A 300.1.1.1\nweird IN HINFO "x" "y"\n`
    const r = await admin.post(zonePath(domain, '/import'), { zone_file: text, mode: 'merge' })
    expect(r.status).toBe(400)
    expect(r.body.code).toBe('invalid_zone_file')
    expect(r.body.errors.map((e: any) => e.line)).toEqual([4, 5])
    expect(r.body.error).toMatch(/line 4: .*line 5: /)
    expect((await admin.post(zonePath(domain, '/import'), { zone_file: '; nothing\n', mode: 'replace' })).status).toBe(400)
    expect((await admin.post(zonePath(domain, '/import'), { zone_file: text, mode: 'everything' })).status).toBe(400)
  })
})

describe('reset', () => {
  it('plans first, needs force on a big zone, then gives the provider\'s defaults', async () => {
    const domain = await freshZone()
    await admin.put(zonePath(domain), { records: [1, 2, 3].map(i => ({ type: 'A', name: `r${i}`, content: `192.0.2.${i}`, ttl: 300 })) })
    const dry = await admin.post(zonePath(domain, '/reset?dry_run=1'))
    expect(dry.body).toMatchObject({ status: 'planned', destructive: true, note: expect.stringMatching(/default records/) })
    expect(dry.body.plan.deletes).toHaveLength(12)
    const refused = await admin.post(zonePath(domain, '/reset'))
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('unsafe_change')
    expect(await zone(domain)).toHaveLength(12)
    const r = await admin.post(zonePath(domain, '/reset'), { force: true })
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('reset')
    expect(r.body.plan.deletes.map((x: any) => x.name).sort()).toEqual(['r1', 'r2', 'r3'])
    expect(await zone(domain)).toHaveLength(9)
    const snaps = (await admin.get(zonePath(domain, '/snapshots'))).body.snapshots
    expect(snaps.find((s: any) => s.source === 'panel')).toMatchObject({ reason: expect.stringMatching(/Reset/), record_count: 12 })
  })
})

describe('zones across accounts and customer scoping', () => {
  let mine: string
  let other: string
  let cust: { client: Client, user: any }

  beforeAll(async () => {
    mine = await freshZone('cust')
    other = await freshZone('other')
    cust = await customerClient(admin, 'Dana DNS')
  })

  it('lists zones with provider, record count and owner', async () => {
    const r = await admin.get('/api/dns/zones')
    expect(r.status).toBe(200)
    const row = r.body.zones.find((z: any) => z.provider === SLUG && z.domain === mine)
    expect(row).toMatchObject({ provider_type: 'hostinger', record_count: 9, owner: null })
  })

  it('reports a failing account and still lists the others', async () => {
    await admin.post('/api/hosting/providers/dns-broken/configure', { type: 'hostinger', api_key: 'wrong-key-000', extra: { base_url: sandboxBaseUrl(sandboxUrl(), 'hostinger') } })
    try {
      const r = await admin.get('/api/dns/zones')
      expect(r.status).toBe(200)
      expect(r.body.errors).toContainEqual(expect.objectContaining({ provider: 'dns-broken', error: expect.any(String) }))
      expect(r.body.zones.some((z: any) => z.provider === SLUG && z.domain === mine)).toBe(true)
    }
    finally { await admin.del('/api/hosting/providers/dns-broken') }
  })

  it('customers see nothing until a zone is assigned to them', async () => {
    expect((await cust.client.get(zonePath(mine))).status).toBe(404)
    const list = await cust.client.get('/api/dns/zones')
    expect(list.status).toBe(200)
    expect(list.body.zones).toEqual([])
  })

  it('only admins assign, only to customers, only existing zones', async () => {
    expect((await cust.client.put(`/api/dns/zones/${SLUG}/${mine}/assignment`, { owner_id: cust.user.id })).status).toBe(403)
    const me = (await admin.get('/api/auth/me')).body.user
    expect((await admin.put(`/api/dns/zones/${SLUG}/${mine}/assignment`, { owner_id: me.id })).status).toBe(400)
    expect((await admin.put(`/api/dns/zones/${SLUG}/no-such-zone-x.com/assignment`, { owner_id: cust.user.id })).status).toBe(404)
    const r = await admin.put(`/api/dns/zones/${SLUG}/${mine}/assignment`, { owner_id: cust.user.id })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'assigned', owner: { id: cust.user.id } })
  })

  it('an assigned zone works on every route; any other zone is 404 on every route', async () => {
    const c = cust.client
    expect((await c.get(zonePath(mine))).status).toBe(200)
    expect((await c.post(zonePath(mine), { type: 'A', name: 'shop', content: '192.0.2.80', ttl: 300 })).status).toBe(201)
    expect((await c.get(zonePath(mine, '/snapshots'))).status).toBe(200)
    expect((await c.req('GET', zonePath(mine, '/export'), undefined, { accept: 'text/plain' })).status).toBe(200)

    const routes: [string, string, unknown?][] = [
      ['GET', zonePath(other)],
      ['POST', zonePath(other), { type: 'A', name: 'x', content: '192.0.2.1', ttl: 300 }],
      ['PUT', zonePath(other), { records: [{ type: 'A', name: 'x', content: '192.0.2.1', ttl: 300 }] }],
      ['DELETE', zonePath(other, '?name=ftp&type=A')],
      ['POST', zonePath(other, '/reset'), {}],
      ['GET', zonePath(other, '/snapshots')],
      ['POST', zonePath(other, '/snapshots/provider-1/restore'), {}],
      ['GET', zonePath(other, '/export')],
      ['POST', zonePath(other, '/import'), { zone_file: 'x IN A 192.0.2.1\n', mode: 'merge' }],
      ['GET', `/api/hosting/providers/no-such-account/dns/${mine}`],
    ]
    for (const [method, path, body] of routes) {
      const r = await c.req(method, path, body)
      expect(r.status, `${method} ${path}`).toBe(404)
    }
    expect((await admin.get(zonePath(other))).body).toHaveLength(9)

    const list = await c.get('/api/dns/zones')
    // White label: the customer's row names the zone, not its account.
    expect(list.body.zones.map((z: any) => z.domain)).toEqual([mine])
    expect(list.body.zones[0]).not.toHaveProperty('provider')
    expect(list.body.zones[0].record_count).toBe(10)
  })

  it('unassigning takes the zone away again', async () => {
    const wrong = await admin.req('DELETE', `/api/dns/zones/${SLUG}/${mine}/assignment`, { owner_id: '00000000-0000-4000-8000-000000000000' })
    expect(wrong.status).toBe(404)
    expect((await admin.del(`/api/dns/zones/${SLUG}/${mine}/assignment`)).body.status).toBe('unassigned')
    expect((await cust.client.get(zonePath(mine))).status).toBe(404)
  })
})
