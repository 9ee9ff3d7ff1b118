/**
 * The SSH keychain against the running app and the sandbox: keys are generated here with
 * ssh-keygen, pushed to VirtFusion, Hostinger and Inferno sandbox accounts, and checked in the
 * simulators' own state and request log.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { Client, adminClient, customerClient, sandboxAdmin, sandboxUrl } from './helpers'

const KEYGEN = '/usr/bin/ssh-keygen'
const dir = mkdtempSync(join(tmpdir(), 'ssh-keys-test-'))
let seq = 0

interface Generated { pub: string, priv: string, bits: number, fingerprint: string, comment: string, label: string }

/** A fresh key pair and what `ssh-keygen -lf` says about its public half. */
function generate(args: string[], comment: string): Generated {
  const path = join(dir, `k${seq++}`)
  execFileSync(KEYGEN, ['-q', ...args, '-N', '', '-C', comment, '-f', path], { stdio: 'pipe' })
  const out = execFileSync(KEYGEN, ['-lf', `${path}.pub`], { encoding: 'utf8' }).trim()
  const m = /^(\d+) (SHA256:[A-Za-z0-9+/]+) (.*) \(([A-Z0-9-]+)\)$/.exec(out)
  if (!m) throw new Error(`unexpected ssh-keygen -l output: ${out}`)
  return { pub: readFileSync(`${path}.pub`, 'utf8'), priv: readFileSync(path, 'utf8'), bits: Number(m[1]), fingerprint: m[2]!, comment: m[3]!, label: m[4]! }
}

const blobOf = (pub: string) => pub.trim().split(/\s+/)[1]!

const ACCOUNTS = {
  virtfusion: 'keys-vf',
  hostinger: 'keys-hostinger',
  inferno: 'keys-inferno',
  virtua: 'keys-virtua',
} as const
const CAPABLE = [ACCOUNTS.virtfusion, ACCOUNTS.hostinger, ACCOUNTS.inferno]

/** The public keys each simulator holds, read from the simulator itself, not through the app. */
async function sandboxKeys(type: 'virtfusion' | 'hostinger' | 'inferno'): Promise<string[]> {
  const sb = sandboxUrl()
  if (type === 'virtfusion') {
    const r = await fetch(`${sb}/virtfusion/api/v1/ssh_keys/user/${SANDBOX_CREDENTIALS.virtfusion.extra.user_id}`, { headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.virtfusion.api_key}` } })
    return ((await r.json()).data as { publicKey: string }[]).map(k => k.publicKey)
  }
  if (type === 'hostinger') {
    const out: string[] = []
    for (let page = 1; page < 100; page++) {
      const r = await fetch(`${sb}/hostinger/api/vps/v1/public-keys?page=${page}`, { headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.hostinger.api_key}` } })
      const data = (await r.json()).data as { key: string }[]
      if (!data.length) break
      out.push(...data.map(k => k.key))
    }
    return out
  }
  const r = await fetch(`${sb}/inferno/api_client.php?action=sshkey.list&cid=${SANDBOX_CREDENTIALS.inferno.extra.cid}&key=${SANDBOX_CREDENTIALS.inferno.api_key}`)
  return ((await r.json()).list as { sshkey: string }[]).map(k => k.sshkey)
}

const holds = async (type: 'virtfusion' | 'hostinger' | 'inferno', pub: string) => (await sandboxKeys(type)).some(k => k.split(/\s+/)[1] === blobOf(pub))

/** Upstream "add key" calls the simulators received for this key. */
async function addCalls(type: 'virtfusion' | 'hostinger' | 'inferno', pub: string): Promise<number> {
  const log = await sandboxAdmin(`/requests?provider=${type}`, 'GET') as { method: string, path: string, query: Record<string, string>, body?: Record<string, any> }[]
  const blob = blobOf(pub)
  return log.filter((r) => {
    if (type === 'virtfusion') return r.method === 'POST' && r.path === '/ssh_keys' && String(r.body?.publicKey ?? '').includes(blob)
    if (type === 'hostinger') return r.method === 'POST' && r.path === '/api/vps/v1/public-keys' && String(r.body?.key ?? '').includes(blob)
    const action = r.body?.action ?? r.query.action
    return action === 'sshkey.add' && String(r.body?.sshkey ?? r.query.sshkey ?? '').includes(blob)
  }).length
}

let admin: Client

beforeAll(async () => {
  admin = await adminClient()
  for (const [type, slug] of Object.entries(ACCOUNTS) as [keyof typeof ACCOUNTS, string][]) {
    const creds = SANDBOX_CREDENTIALS[type]
    const r = await admin.post(`/api/hosting/providers/${slug}/configure`, { type, api_key: creds.api_key, display_name: `Keys ${type}`, extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), type) } })
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
  }
})

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  for (const slug of Object.values(ACCOUNTS)) await admin.del(`/api/hosting/providers/${slug}`)
})

describe('keychain: parsing and fingerprints', () => {
  it('stores ed25519, RSA and ECDSA keys with the fingerprint and size ssh-keygen -lf prints', async () => {
    const cases = [
      { args: ['-t', 'ed25519'], type: 'ssh-ed25519' },
      { args: ['-t', 'rsa', '-b', '3072'], type: 'ssh-rsa' },
      { args: ['-t', 'ecdsa', '-b', '256'], type: 'ecdsa-sha2-nistp256' },
      { args: ['-t', 'ecdsa', '-b', '384'], type: 'ecdsa-sha2-nistp384' },
      { args: ['-t', 'ecdsa', '-b', '521'], type: 'ecdsa-sha2-nistp521' },
    ]
    for (const c of cases) {
      const k = generate(c.args, `fp-${c.type}@test`)
      const r = await admin.post('/api/ssh-keys', { public_key: k.pub })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      expect(r.body).toMatchObject({ type: c.type, bits: k.bits, fingerprint: k.fingerprint, name: k.comment })
      expect(r.body.public_key).toBe(k.pub.trim())
      expect(r.body.id).toMatch(/^[0-9a-f-]{36}$/)
      const listed = (await admin.get('/api/ssh-keys')).body.find((x: any) => x.id === r.body.id)
      expect(listed.fingerprint).toBe(k.fingerprint)
      // Cleanup keeps the admin's keychain (and every presence read) small.
      expect((await admin.del(`/api/ssh-keys/${r.body.id}`)).status).toBe(200)
    }
  })

  it('takes a given name over the comment, and refuses a second copy of the same key with 409', async () => {
    const k = generate(['-t', 'ed25519'], 'named@test')
    const r = await admin.post('/api/ssh-keys', { name: '  Deploy laptop ', public_key: k.pub })
    expect(r.status).toBe(201)
    expect(r.body.name).toBe('Deploy laptop')
    const dup = await admin.post('/api/ssh-keys', { name: 'again', public_key: `${k.pub.trim().split(' ').slice(0, 2).join(' ')} other-comment` })
    expect(dup.status).toBe(409)
    expect(dup.body.error).toContain('Deploy laptop')
    expect(dup.body.error).toContain(k.fingerprint)

    const renamed = await admin.patch(`/api/ssh-keys/${r.body.id}`, { name: 'Renamed' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.name).toBe('Renamed')
    expect((await admin.patch(`/api/ssh-keys/${r.body.id}`, { name: '   ' })).status).toBe(400)
    expect((await admin.get(`/api/ssh-keys/${r.body.id}`)).body.name).toBe('Renamed')
    await admin.del(`/api/ssh-keys/${r.body.id}`)
  })

  it('refuses invalid keys with the reason, and a private key with the warning and code private_key', async () => {
    const weak = generate(['-t', 'rsa', '-b', '1024'], 'weak@test')
    const priv = generate(['-t', 'ed25519'], 'secret@test')
    const good = generate(['-t', 'ed25519'], 'good@test')
    const [type, b64] = good.pub.trim().split(' ') as [string, string]
    const cases: [unknown, number, RegExp, string?][] = [
      [{ public_key: 'hello world' }, 400, /not an SSH public key/i, 'unrecognized'],
      [{ public_key: weak.pub }, 400, /at least 2048 bits; this one has 1024/, 'weak_key'],
      [{ public_key: priv.priv }, 400, /private key/i, 'private_key'],
      [{ public_key: `${type} ${b64.slice(0, 40)}` }, 400, /truncated|corrupted|base64/i],
      [{ public_key: `ssh-dss ${b64}` }, 400, /DSA/],
      [{ public_key: `${good.pub.trim()}\n${weak.pub.trim()}` }, 400, /one key at a time/i, 'multiple_keys'],
      [{ public_key: '' }, 400, /paste a public key/i],
      [{ name: 'x'.repeat(101), public_key: good.pub }, 400, /at most 100/],
      [{}, 400, /public_key|expected string/i],
    ]
    for (const [body, status, re, code] of cases) {
      const r = await admin.post('/api/ssh-keys', body)
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      expect(r.body.error).toMatch(re)
      if (code) expect(r.body.code).toBe(code)
    }
    // Nothing of the private key is echoed back.
    const r = await admin.post('/api/ssh-keys', { public_key: priv.priv })
    expect(JSON.stringify(r.body)).not.toContain(priv.priv.split('\n')[1])
    expect((await admin.get('/api/ssh-keys')).body.some((k: any) => k.fingerprint === good.fingerprint)).toBe(false)
  })
})

describe('pushing keys to providers', () => {
  let key: Generated
  let id: string

  beforeAll(async () => {
    key = generate(['-t', 'ed25519'], 'push@test')
    const r = await admin.post('/api/ssh-keys', { public_key: key.pub })
    expect(r.status).toBe(201)
    id = r.body.id
    expect(r.body.presence.filter((p: any) => CAPABLE.includes(p.account)).every((p: any) => p.present === false)).toBe(true)
  })

  it('adds the key at VirtFusion, Hostinger and Inferno; Virtua cannot hold keys', async () => {
    const r = await admin.post(`/api/ssh-keys/${id}/push`, { accounts: [...CAPABLE, ACCOUNTS.virtua] })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const by = Object.fromEntries(r.body.map((x: any) => [x.account, x]))
    for (const slug of CAPABLE) {
      expect(by[slug].status, JSON.stringify(by[slug])).toBe('added')
      expect(by[slug].upstream_id).toBeTruthy()
    }
    expect(by[ACCOUNTS.virtua]).toMatchObject({ status: 'not_supported', error: expect.stringMatching(/Virtua\.cloud does not support SSH keys/) })

    for (const type of ['virtfusion', 'hostinger', 'inferno'] as const) expect(await holds(type, key.pub), type).toBe(true)
    for (const type of ['virtfusion', 'hostinger', 'inferno'] as const) expect(await addCalls(type, key.pub), type).toBe(1)

    const listed = (await admin.get('/api/ssh-keys')).body.find((k: any) => k.id === id)
    for (const slug of CAPABLE) {
      const p = listed.presence.find((x: any) => x.account === slug)
      expect(p, slug).toMatchObject({ present: true, upstream_id: by[slug].upstream_id, display_name: expect.any(String) })
    }
    // Only SSH-capable accounts are listed.
    expect(listed.presence.some((x: any) => x.account === ACCOUNTS.virtua)).toBe(false)
  })

  it('pushing again finds the key by fingerprint and adds nothing upstream', async () => {
    const r = await admin.post(`/api/ssh-keys/${id}/push`, { accounts: CAPABLE })
    expect(r.body.map((x: any) => x.status)).toEqual(['already_present', 'already_present', 'already_present'])
    for (const type of ['virtfusion', 'hostinger', 'inferno'] as const) expect(await addCalls(type, key.pub), type).toBe(1)
  })

  it('refuses an unknown account before calling any provider, and an empty list', async () => {
    const r = await admin.post(`/api/ssh-keys/${id}/push`, { accounts: [ACCOUNTS.hostinger, 'no-such-account'] })
    expect(r.status).toBe(404)
    expect(r.body.error).toMatch(/no-such-account/)
    expect((await admin.post(`/api/ssh-keys/${id}/push`, { accounts: [] })).status).toBe(400)
  })

  it('reports a provider failure per account without failing the others', async () => {
    const other = generate(['-t', 'ed25519'], 'fault@test')
    const k = (await admin.post('/api/ssh-keys', { public_key: other.pub })).body
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', status: 500, count: 1, method: 'POST', match: '/api/vps/v1/public-keys' })
    try {
      const r = await admin.post(`/api/ssh-keys/${k.id}/push`, { accounts: [ACCOUNTS.hostinger, ACCOUNTS.inferno] })
      expect(r.body[0]).toMatchObject({ account: ACCOUNTS.hostinger, status: 'failed', error: expect.stringMatching(/Hostinger/) })
      expect(r.body[1]).toMatchObject({ account: ACCOUNTS.inferno, status: 'added' })
      expect(await holds('hostinger', other.pub)).toBe(false)
    }
    finally { await sandboxAdmin('/faults?provider=hostinger', 'DELETE') }
    expect((await admin.del(`/api/ssh-keys/${k.id}?everywhere=1`)).status).toBe(200)
    expect(await holds('inferno', other.pub)).toBe(false)
  })

  it('settles a lost answer by looking again, never by adding twice', async () => {
    const lost = generate(['-t', 'ed25519'], 'lost-reply@test')
    const k = (await admin.post('/api/ssh-keys', { public_key: lost.pub })).body
    await sandboxAdmin('/faults', 'POST', { provider: 'hostinger', hangAfter: true, count: 1, method: 'POST', match: '/api/vps/v1/public-keys' })
    try {
      const r = await admin.post(`/api/ssh-keys/${k.id}/push`, { accounts: [ACCOUNTS.hostinger] })
      expect(r.body[0], JSON.stringify(r.body)).toMatchObject({ status: 'added', upstream_id: expect.any(String) })
    }
    finally { await sandboxAdmin('/faults?provider=hostinger', 'DELETE') }
    expect(await addCalls('hostinger', lost.pub)).toBe(1)
    expect((await admin.post(`/api/ssh-keys/${k.id}/push`, { accounts: [ACCOUNTS.hostinger] })).body[0].status).toBe('already_present')
    expect((await admin.del(`/api/ssh-keys/${k.id}?everywhere=1`)).status).toBe(200)
    expect(await holds('hostinger', lost.pub)).toBe(false)
  })

  it('Inferno listing no key text (strict mode): a key pushed twice is found by name, one key upstream', async () => {
    const k2 = generate(['-t', 'ed25519'], 'by-name@test')
    const row = (await admin.post('/api/ssh-keys', { name: 'inferno-by-name', public_key: k2.pub })).body
    // Only `id` and `name` of sshkey.list are documented: the simulator leaves the key text out.
    await sandboxAdmin('/strict', 'POST', { provider: 'inferno', mode: 'omit' })
    try {
      const first = await admin.post(`/api/ssh-keys/${row.id}/push`, { accounts: [ACCOUNTS.inferno] })
      expect(first.body[0], JSON.stringify(first.body)).toMatchObject({ status: 'added', upstream_id: expect.any(String) })
      const second = await admin.post(`/api/ssh-keys/${row.id}/push`, { accounts: [ACCOUNTS.inferno] })
      expect(second.body[0], JSON.stringify(second.body)).toMatchObject({ status: 'already_present', upstream_id: first.body[0].upstream_id })
    }
    finally { await sandboxAdmin('/strict', 'POST', { provider: 'inferno', mode: 'off' }) }
    expect(await addCalls('inferno', k2.pub)).toBe(1)
    expect((await sandboxKeys('inferno')).filter(k => k.split(/\s+/)[1] === blobOf(k2.pub))).toHaveLength(1)
    expect((await admin.del(`/api/ssh-keys/${row.id}?everywhere=1`)).status).toBe(200)
  })

  it('presence lists every upstream key per account, with the keychain key it matches or none', async () => {
    const r = await admin.get('/api/ssh-keys/presence')
    expect(r.status).toBe(200)
    const hostinger = r.body.accounts.find((a: any) => a.account === ACCOUNTS.hostinger)
    expect(hostinger).toMatchObject({ supported: true, ok: true })
    const mine = hostinger.keys.find((k: any) => k.fingerprint === key.fingerprint)
    expect(mine).toMatchObject({ key_id: id, upstream_only: false })
    // The simulator's seed key was never put in a keychain: it exists only upstream.
    const seedKey = hostinger.keys.find((k: any) => k.name === 'deploy-key')
    const seedPath = join(dir, 'seed.pub')
    writeFileSync(seedPath, `${seedKey.public_key}\n`)
    const seedFp = execFileSync(KEYGEN, ['-lf', seedPath], { encoding: 'utf8' }).split(' ')[1]
    expect(seedKey).toMatchObject({ key_id: null, upstream_only: true, fingerprint: seedFp })
    const virtua = r.body.accounts.find((a: any) => a.account === ACCOUNTS.virtua)
    expect(virtua).toMatchObject({ supported: false, keys: [] })
    for (const slug of [ACCOUNTS.virtfusion, ACCOUNTS.inferno]) {
      const acc = r.body.accounts.find((a: any) => a.account === slug)
      expect(acc.keys.find((k: any) => k.fingerprint === key.fingerprint)?.key_id, slug).toBe(id)
    }
  })

  it('removes the key from one provider only', async () => {
    const r = await admin.del(`/api/ssh-keys/${id}/providers/${ACCOUNTS.inferno}`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ account: ACCOUNTS.inferno, status: 'removed' })
    expect(await holds('inferno', key.pub)).toBe(false)
    expect(await holds('hostinger', key.pub)).toBe(true)
    const listed = (await admin.get(`/api/ssh-keys/${id}`)).body
    expect(listed.presence.find((p: any) => p.account === ACCOUNTS.inferno)).toMatchObject({ present: false, upstream_id: null })
    expect(listed.presence.find((p: any) => p.account === ACCOUNTS.hostinger).present).toBe(true)
    expect((await admin.del(`/api/ssh-keys/${id}/providers/${ACCOUNTS.inferno}`)).body.status).toBe('not_present')
    const virtua = await admin.del(`/api/ssh-keys/${id}/providers/${ACCOUNTS.virtua}`)
    expect(virtua.status).toBe(501)
    expect(virtua.body.error).toMatch(/Virtua\.cloud does not support SSH keys/)
  })

  it('deleting everywhere removes it from every provider, then from the keychain', async () => {
    const r = await admin.del(`/api/ssh-keys/${id}?everywhere=1`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    // Other accounts of this suite may point at the same simulators and get there first.
    // Accounts other suites left may fail on their own; this suite's accounts must not.
    const mine = new Set(Object.values(ACCOUNTS))
    const statuses = r.body.providers.filter((x: any) => mine.has(x.account)).map((x: any) => x.status)
    expect(statuses).not.toContain('failed')
    // Another account on the same simulator may have removed it first: then ours finds it gone.
    expect(statuses.every((s: string) => s === 'removed' || s === 'not_present' || s === 'not_supported')).toBe(true)
    for (const slug of CAPABLE) expect(r.body.providers.some((x: any) => x.account === slug), slug).toBe(true)
    expect(r.body.providers.find((x: any) => x.account === ACCOUNTS.inferno).status).toBe('not_present')
    for (const type of ['virtfusion', 'hostinger', 'inferno'] as const) expect(await holds(type, key.pub), type).toBe(false)
    expect((await admin.get(`/api/ssh-keys/${id}`)).status).toBe(404)
  })

  it('deleting from the keychain alone leaves the provider copies (then shown as upstream only)', async () => {
    const k = generate(['-t', 'ecdsa', '-b', '256'], 'keep-upstream@test')
    const row = (await admin.post('/api/ssh-keys', { public_key: k.pub })).body
    await admin.post(`/api/ssh-keys/${row.id}/push`, { accounts: [ACCOUNTS.virtfusion] })
    expect((await admin.del(`/api/ssh-keys/${row.id}`)).status).toBe(200)
    expect(await holds('virtfusion', k.pub)).toBe(true)
    const vf = (await admin.get('/api/ssh-keys/presence')).body.accounts.find((a: any) => a.account === ACCOUNTS.virtfusion)
    const upstream = vf.keys.find((x: any) => x.fingerprint === k.fingerprint)
    expect(upstream).toMatchObject({ key_id: null, upstream_only: true })
    expect((await admin.del(`/api/hosting/providers/${ACCOUNTS.virtfusion}/ssh-keys/${upstream.id}`)).body).toEqual({ status: 'deleted' })
    expect(await holds('virtfusion', k.pub)).toBe(false)
  })
})

describe('seed routes /api/hosting/providers/{provider}/ssh-keys', () => {
  it('lists, adds and deletes in the seed shapes', async () => {
    const list = await admin.get(`/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys`)
    expect(list.status).toBe(200)
    for (const k of list.body) expect(Object.keys(k).sort()).toEqual(['fingerprint', 'id', 'name', 'public_key'])

    const k = generate(['-t', 'rsa', '-b', '2048'], 'seed@test')
    const added = await admin.post(`/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys`, { name: 'new-deploy-key', public_key: k.pub })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ id: expect.any(String), name: 'new-deploy-key', fingerprint: k.fingerprint, public_key: k.pub.trim() })
    expect(await holds('hostinger', k.pub)).toBe(true)
    const del = await admin.del(`/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys/${added.body.id}`)
    expect(del.body).toEqual({ status: 'deleted' })
    expect(await holds('hostinger', k.pub)).toBe(false)
    expect((await admin.del(`/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys/${added.body.id}`)).status).toBe(404)
  })

  it('validates the key before any upstream call', async () => {
    const priv = generate(['-t', 'ed25519'], 'seedpriv@test')
    const before = (await sandboxAdmin('/requests?provider=hostinger', 'GET')).length
    const bad = await admin.post(`/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys`, { name: 'x', public_key: priv.priv })
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe('private_key')
    const garbage = await admin.post(`/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys`, { name: 'x', public_key: 'ssh-ed25519 notbase64!!' })
    expect(garbage.status).toBe(400)
    expect((await sandboxAdmin('/requests?provider=hostinger', 'GET')).length).toBe(before)
  })

  it('answers 501 for Virtua and 404 for an unknown account', async () => {
    const k = generate(['-t', 'ed25519'], 'virtua@test')
    expect((await admin.get(`/api/hosting/providers/${ACCOUNTS.virtua}/ssh-keys`)).status).toBe(501)
    const add = await admin.post(`/api/hosting/providers/${ACCOUNTS.virtua}/ssh-keys`, { name: 'k', public_key: k.pub })
    expect(add.status).toBe(501)
    expect(add.body).toMatchObject({ code: 'not_supported', error: expect.stringMatching(/Virtua\.cloud/) })
    expect((await admin.get('/api/hosting/providers/nobody-here/ssh-keys')).status).toBe(404)
  })
})

describe('ensureKeysUpstream', () => {
  it('returns upstream ids in order, reusing a key that is there and adding one that is not', async () => {
    const a = generate(['-t', 'ed25519'], 'ensure-a@test')
    const b = generate(['-t', 'ecdsa', '-b', '384'], 'ensure-b@test')
    const pre = await admin.post(`/api/hosting/providers/${ACCOUNTS.inferno}/ssh-keys`, { name: 'pre', public_key: a.pub })
    const first = await admin.post('/api/_test/ensure-ssh-keys', { account: ACCOUNTS.inferno, public_keys: [a.pub, b.pub] })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.ids[0]).toBe(pre.body.id)
    expect(first.body.ids).toHaveLength(2)
    const again = await admin.post('/api/_test/ensure-ssh-keys', { account: ACCOUNTS.inferno, public_keys: [b.pub, a.pub] })
    expect(again.body.ids).toEqual([first.body.ids[1], first.body.ids[0]])
    expect(await addCalls('inferno', a.pub)).toBe(1)
    expect(await addCalls('inferno', b.pub)).toBe(1)
    const bad = await admin.post('/api/_test/ensure-ssh-keys', { account: ACCOUNTS.inferno, public_keys: ['nope'] })
    expect(bad.status).toBe(400)
    expect((await admin.post('/api/_test/ensure-ssh-keys', { account: ACCOUNTS.virtua, public_keys: [a.pub] })).status).toBe(501)
    for (const upstreamId of first.body.ids) await admin.del(`/api/hosting/providers/${ACCOUNTS.inferno}/ssh-keys/${upstreamId}`)
  })
})

describe('customer scoping', () => {
  it('customers see only their own keys, cannot touch others, and cannot push', async () => {
    const { client: cust } = await customerClient(admin, 'Kim Keys')
    const { client: other } = await customerClient(admin, 'Olly Other')
    const shared = generate(['-t', 'ed25519'], 'shared@test')
    const adminKey = (await admin.post('/api/ssh-keys', { public_key: shared.pub })).body
    // The same key in two keychains is fine: uniqueness is per user.
    const own = await cust.post('/api/ssh-keys', { public_key: shared.pub })
    expect(own.status).toBe(201)
    expect(own.body.presence).toEqual([])

    const mine = await cust.get('/api/ssh-keys')
    expect(mine.body.map((k: any) => k.id)).toEqual([own.body.id])
    expect(mine.body[0].presence).toEqual([])
    expect((await other.get('/api/ssh-keys')).body).toEqual([])
    expect((await admin.get('/api/ssh-keys')).body.some((k: any) => k.id === own.body.id)).toBe(false)

    for (const [method, path] of [
      ['GET', `/api/ssh-keys/${adminKey.id}`],
      ['PATCH', `/api/ssh-keys/${adminKey.id}`],
      ['DELETE', `/api/ssh-keys/${adminKey.id}`],
      ['DELETE', `/api/ssh-keys/${adminKey.id}?everywhere=1`],
    ] as const) {
      const r = await cust.req(method, path, method === 'PATCH' ? { name: 'stolen' } : undefined)
      expect(r.status, `${method} ${path}`).toBe(404)
    }
    expect((await other.del(`/api/ssh-keys/${own.body.id}`)).status).toBe(404)
    expect((await admin.get(`/api/ssh-keys/${adminKey.id}`)).body.name).toBe('shared@test')

    for (const [method, path] of [
      ['POST', `/api/ssh-keys/${own.body.id}/push`],
      ['DELETE', `/api/ssh-keys/${own.body.id}/providers/${ACCOUNTS.hostinger}`],
      ['GET', '/api/ssh-keys/presence'],
      ['GET', `/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys`],
      ['POST', `/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys`],
      ['DELETE', `/api/hosting/providers/${ACCOUNTS.hostinger}/ssh-keys/325`],
    ] as const) {
      const r = await cust.req(method, path, method === 'POST' ? { accounts: [ACCOUNTS.hostinger], public_key: shared.pub } : undefined)
      expect(r.status, `${method} ${path}`).toBe(403)
    }
    expect(await holds('hostinger', shared.pub)).toBe(false)

    expect((await cust.patch(`/api/ssh-keys/${own.body.id}`, { name: 'Kim laptop' })).body.name).toBe('Kim laptop')
    const del = await cust.del(`/api/ssh-keys/${own.body.id}?everywhere=1`)
    expect(del.status).toBe(200)
    expect(del.body.providers).toEqual([])
    expect((await cust.get('/api/ssh-keys')).body).toEqual([])
    expect((await new Client().get('/api/ssh-keys')).status).toBe(401)
    await admin.del(`/api/ssh-keys/${adminKey.id}`)
  })
})
