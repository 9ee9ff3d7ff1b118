/**
 * Console and firewall routes: per VM (seed routes), per inventory server (owners only), and the
 * account-level firewalls (admins): owner ok, another customer 404, unsupported provider 501 with
 * the reason, bad input 400, changes audited without the console's token.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient } from './helpers'
import { allServers, configureSandboxAccounts, syncAll } from './servers-helpers'

let admin: Client
let owner: Client
let other: Client
let vf101: any
let hostingerVm: any
const base = (t: string) => `/api/hosting/providers/${t}`

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  await syncAll(admin)
  const items = (await allServers(admin)).items
  vf101 = items.find((s: any) => s.account.slug === 'virtfusion' && s.upstream_id === '101')
  hostingerVm = items.find((s: any) => s.account.slug === 'hostinger' && s.upstream_id === '1268054')
  const a = await customerClient(admin, 'Olga Owner')
  owner = a.client
  other = (await customerClient(admin, 'Otto Other')).client
  for (const s of [vf101, hostingerVm]) expect((await admin.patch(`/api/servers/${s.id}`, { owner_id: a.user.id })).status).toBe(200)
})

describe('console', () => {
  it('opens a VNC session for the owner (inventory id and seed route), no-store, audited without the token', async () => {
    const r = await owner.post(`/api/servers/${vf101.id}/console`, {})
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ type: 'vnc', url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/virtfusion\/vnc\/\?token=/), expires_at: expect.any(String), password: expect.any(String) })
    expect(r.headers.get('cache-control')).toBe('no-store')
    const seed = await owner.post(`${base('virtfusion')}/vms/101/console`, { type: 'vnc' })
    expect(seed.status).toBe(200)
    expect(seed.body.type).toBe('vnc')
    const log = await admin.get(`/api/audit?action=server.console`)
    const mine = log.body.items.filter((e: any) => e.target === vf101.id)
    expect(mine.length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(mine)).not.toContain(r.body.url.split('token=')[1])
    expect(mine[0].details).toMatchObject({ type: 'vnc', upstream_id: '101' })
  })

  it('another customer gets 404 on both routes', async () => {
    expect((await other.post(`/api/servers/${vf101.id}/console`, {})).status).toBe(404)
    expect((await other.post(`${base('virtfusion')}/vms/101/console`, {})).status).toBe(404)
  })

  it('a provider without a console answers 501 with its reason', async () => {
    const r = await owner.post(`/api/servers/${hostingerVm.id}/console`, {})
    expect(r.status).toBe(501)
    // The customer hears our words (white label); the admin, the provider's reason.
    expect(r.body).toMatchObject({ code: 'not_supported', error: 'This is not available for this server' })
    const a = await admin.post(`${base('hostinger')}/vms/1268054/console`, {})
    expect(a.status).toBe(501)
    expect(a.body.error).toContain('hPanel')
  })

  it('bad input is 400', async () => {
    expect((await owner.post(`/api/servers/${vf101.id}/console`, { type: 'rdp' })).status).toBe(400)
    expect((await owner.post(`/api/servers/${vf101.id}/console`, { extra: 1 })).status).toBe(400)
    expect((await owner.post('/api/servers/not-a-uuid/console', {})).status).toBe(400)
  })
})

describe('server firewall', () => {
  it('the owner reads and changes the VirtFusion interface firewall; audited', async () => {
    const r = await owner.get(`/api/servers/${vf101.id}/firewall`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toEqual({ interface: 'primary', enabled: false, rules: [] })
    const put = await owner.put(`/api/servers/${vf101.id}/firewall`, { enabled: true, rulesets: [1] })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body).toMatchObject({ interface: 'primary', enabled: true, rules: [expect.objectContaining({ port: '22' })] })
    const seed = await admin.get(`${base('virtfusion')}/vms/101/firewall?interface=secondary`)
    expect(seed.body).toMatchObject({ interface: 'secondary', enabled: false })
    const off = await admin.put(`${base('virtfusion')}/vms/101/firewall`, { enabled: false, rulesets: [] })
    expect(off.body).toMatchObject({ enabled: false, rules: [] })
    const log = await admin.get('/api/audit?action=server.firewall')
    expect(log.body.items.some((e: any) => e.target === vf101.id && e.details.rulesets?.[0] === 1)).toBe(true)
  })

  it('another customer 404; account-level provider 501 with its reason; bad input 400; unknown ruleset 400', async () => {
    expect((await other.get(`/api/servers/${vf101.id}/firewall`)).status).toBe(404)
    expect((await other.put(`${base('virtfusion')}/vms/101/firewall`, { enabled: true })).status).toBe(404)
    const h = await owner.get(`/api/servers/${hostingerVm.id}/firewall`)
    expect(h.status).toBe(501)
    expect(h.body.error).toBe('This is not available for this server')
    expect((await admin.get(`/api/servers/${hostingerVm.id}/firewall`)).body.error).toMatch(/Account-level firewalls/)
    expect((await owner.put(`/api/servers/${vf101.id}/firewall`, {})).status).toBe(400)
    expect((await owner.put(`/api/servers/${vf101.id}/firewall`, { interface: 'eth0', enabled: true })).status).toBe(400)
    expect((await owner.get(`/api/servers/${vf101.id}/firewall?interface=eth0`)).status).toBe(400)
    const bad = await owner.put(`/api/servers/${vf101.id}/firewall`, { rulesets: [99] })
    expect(bad.status).toBe(400)
    // The provider's own sentence is the admin's; the customer gets ours (white label).
    expect(bad.body.error).not.toMatch(/VirtFusion/i)
    const badAdmin = await admin.put(`/api/servers/${vf101.id}/firewall`, { rulesets: [99] })
    expect(badAdmin.status).toBe(400)
    expect(badAdmin.body.error).toMatch(/Invalid or disabled firewall ruleset/)
  })
})

describe('account firewalls', () => {
  it('CRUD, rules, attach, sync and detach on Hostinger; each change audited', async () => {
    const made = await admin.post(`${base('hostinger')}/firewalls`, { name: 'Web' })
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    const fw = made.body.id
    expect(made.body).toMatchObject({ name: 'Web', synced: false, rules: [], vm_ids: [] })
    const rule = await admin.post(`${base('hostinger')}/firewalls/${fw}/rules`, { protocol: 'TCP', port: '443', source: 'any', source_detail: 'any' })
    expect(rule.status, JSON.stringify(rule.body)).toBe(200)
    expect(rule.body).toMatchObject({ protocol: 'TCP', port: '443', source_detail: 'any', action: 'accept' })
    expect((await admin.post(`${base('hostinger')}/firewalls/${fw}/attach`, { vm: '1268054' })).body.status).toBe('activated')
    const changed = await admin.put(`${base('hostinger')}/firewalls/${fw}/rules/${rule.body.id}`, { protocol: 'TCP', port: '8443', source: 'custom', source_detail: '203.0.113.0/24' })
    expect(changed.body).toMatchObject({ port: '8443', source: 'custom' })
    expect((await admin.get(`${base('hostinger')}/firewalls/${fw}`)).body).toMatchObject({ synced: false, vm_ids: ['1268054'] })
    expect((await admin.post(`${base('hostinger')}/firewalls/${fw}/sync`, { vm: '1268054' })).body.status).toBe('synced')
    expect((await admin.get(`${base('hostinger')}/firewalls`)).body.items.find((f: any) => f.id === fw)).toMatchObject({ synced: true })
    expect((await admin.get(`${base('hostinger')}/firewalls/${fw}/rules`)).body.items).toHaveLength(1)
    expect((await admin.del(`${base('hostinger')}/firewalls/${fw}/rules/${rule.body.id}`)).body.status).toBe('deleted')
    expect((await admin.post(`${base('hostinger')}/firewalls/${fw}/detach`, { vm: '1268054' })).body.status).toBe('deactivated')
    expect((await admin.del(`${base('hostinger')}/firewalls/${fw}`)).body.status).toBe('deleted')
    const log = await admin.get('/api/audit?action=firewall')
    const actions = log.body.items.filter((e: any) => e.details?.firewall === fw).map((e: any) => e.action).sort()
    expect(actions).toEqual(['firewall.attach', 'firewall.create', 'firewall.delete', 'firewall.detach', 'firewall.rule.create', 'firewall.rule.delete', 'firewall.rule.update', 'firewall.sync'])
  })

  it('admins only; 501 with the reason where firewalls are per server or absent; 400 bad input; 404 unknown', async () => {
    expect((await owner.get(`${base('hostinger')}/firewalls`)).status).toBe(403)
    expect((await owner.post(`${base('hostinger')}/firewalls`, { name: 'x' })).status).toBe(403)
    const vf = await admin.get(`${base('virtfusion')}/firewalls`)
    expect(vf.status).toBe(501)
    expect(vf.body.error).toMatch(/VirtFusion does not support account firewalls: Per server/)
    expect((await admin.get(`${base('virtua')}/firewalls`)).status).toBe(501)
    expect((await admin.post(`${base('hostinger')}/firewalls`, {})).status).toBe(400)
    const fw = (await admin.post(`${base('hostinger')}/firewalls`, { name: 'Bad input' })).body.id
    for (const body of [{ protocol: 'FTP', port: '21', source: 'any', source_detail: 'any' }, { protocol: 'TCP', port: '70000', source: 'any', source_detail: 'any' }, { protocol: 'TCP', port: '22', source: 'any', source_detail: '10.0.0.1' }, { protocol: 'TCP', port: '22', source: 'custom', source_detail: 'not an ip' }]) {
      expect((await admin.post(`${base('hostinger')}/firewalls/${fw}/rules`, body)).status, JSON.stringify(body)).toBe(400)
    }
    expect((await admin.post(`${base('hostinger')}/firewalls/${fw}/attach`, {})).status).toBe(400)
    expect((await admin.get(`${base('hostinger')}/firewalls/999999`)).status).toBe(404)
    expect((await admin.post(`${base('hostinger')}/firewalls/${fw}/detach`, { vm: '1268054' })).status).toBe(400)
    expect((await admin.del(`${base('hostinger')}/firewalls/${fw}`)).status).toBe(200)
  })
})
