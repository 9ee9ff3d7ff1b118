/** Plans: saved only when their mapping exists in the provider's catalog; customers see little. */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, adminClient, customerClient } from './helpers'
import { configureSandboxAccounts } from './servers-helpers'
import { GOOD_MAPPINGS, createPlan } from './portal-helpers'

let admin: Client
let customer: Client

beforeAll(async () => {
  admin = await adminClient()
  await configureSandboxAccounts(admin)
  customer = (await customerClient(admin, 'Pia Plans')).client
})

describe('plan mappings are checked against the sandbox catalogs', () => {
  it('saves good ids on every provider', async () => {
    for (const type of ['virtfusion', 'virtua', 'hostinger', 'inferno'] as const) {
      const plan = await createPlan(admin, type)
      expect(plan, type).toMatchObject({ account: { slug: type, type }, mapping: GOOD_MAPPINGS[type], retired: false, price_text: '€5 / month' })
    }
  })

  it('refuses a missing id with a 400 that names it', async () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['virtfusion', { ...GOOD_MAPPINGS.virtfusion, packageId: '99' }, /package "99".*packageId/],
      ['virtfusion', { ...GOOD_MAPPINGS.virtfusion, hypervisorId: '42' }, /hypervisor group "42".*hypervisorId/],
      ['virtua', { ...GOOD_MAPPINGS.virtua, offer: 'vcs-99-nope.par01fr' }, /offer "vcs-99-nope\.par01fr"/],
      // A Windows system needs an offer that includes Windows.
      ['virtua', { ...GOOD_MAPPINGS.virtua, system: 'win2k19-std-en-64' }, /system for this offer "win2k19-std-en-64"/],
      ['hostinger', { ...GOOD_MAPPINGS.hostinger, item: 'hostingercom-hosting-premium-usd-1y' }, /price "hostingercom-hosting-premium-usd-1y"/],
      ['hostinger', { ...GOOD_MAPPINGS.hostinger, dataCenterId: '777' }, /data center "777".*dataCenterId/],
      ['hostinger', { ...GOOD_MAPPINGS.hostinger, template: '9999' }, /OS template "9999".*template/],
      ['inferno', { ...GOOD_MAPPINGS.inferno, pid: '999' }, /product "999".*pid/],
      ['inferno', { ...GOOD_MAPPINGS.inferno, ostpl: 'plan9-64' }, /OS template "plan9-64".*ostpl/],
    ]
    for (const [account, mapping, message] of cases) {
      const r = await admin.post('/api/plans', { name: 'Bad', account, mapping })
      expect(r.status, JSON.stringify(mapping)).toBe(400)
      expect(r.body.error).toMatch(message)
      expect(r.body.code).toBe('mapping_not_found')
    }
  })

  it('refuses malformed mappings before asking upstream', async () => {
    const fixedNoUser = await admin.post('/api/plans', { name: 'X', account: 'virtfusion', mapping: { packageId: '1', hypervisorId: '1', userPolicy: 'fixed' } })
    expect(fixedNoUser.status).toBe(400)
    expect(fixedNoUser.body.error).toMatch(/userId/)
    const extra = await admin.post('/api/plans', { name: 'X', account: 'inferno', mapping: { pid: '303', ostpl: 'debian12-64-default', packageId: '1' } })
    expect(extra.status).toBe(400)
    const letters = await admin.post('/api/plans', { name: 'X', account: 'virtfusion', mapping: { packageId: 'one', hypervisorId: '1', userPolicy: 'per_customer' } })
    expect(letters.body.error).toMatch(/packageId must be a number/)
    const noAccount = await admin.post('/api/plans', { name: 'X', account: 'nope', mapping: {} })
    expect(noAccount.status).toBe(404)
  })

  it('re-checks a changed mapping on edit and keeps the old one when refused', async () => {
    const plan = await createPlan(admin, 'virtfusion', { packageId: '1', hypervisorId: '1', userPolicy: 'fixed', userId: '1' })
    const bad = await admin.patch(`/api/plans/${plan.id}`, { mapping: { ...plan.mapping, packageId: '55' } })
    expect(bad.status).toBe(400)
    expect((await admin.get(`/api/plans/${plan.id}`)).body.mapping.packageId).toBe('1')
    const good = await admin.patch(`/api/plans/${plan.id}`, { mapping: { ...plan.mapping, packageId: '2' }, price_text: '€9 / month' })
    expect(good.status).toBe(200)
    expect(good.body).toMatchObject({ mapping: { packageId: '2' }, price_text: '€9 / month' })
  })
})

describe('what customers see', () => {
  it('lists active plans only, with nothing upstream, and 403 on writes', async () => {
    const active = await createPlan(admin, 'inferno')
    const retired = await createPlan(admin, 'virtua')
    expect((await admin.patch(`/api/plans/${retired.id}`, { retired: true })).body.retired).toBe(true)

    const list = await customer.get('/api/plans')
    expect(list.status).toBe(200)
    const ids = list.body.map((p: any) => p.id)
    expect(ids).toContain(active.id)
    expect(ids).not.toContain(retired.id)
    const mine = list.body.find((p: any) => p.id === active.id)
    expect(Object.keys(mine).sort()).toEqual(['default_template', 'description', 'id', 'name', 'pay_later', 'price_text', 'prices', 'ssh_keys', 'template_required'])
    for (const p of list.body) expect(Object.keys(p)).not.toEqual(expect.arrayContaining(['mapping']))
    expect(JSON.stringify(list.body)).not.toMatch(/"(mapping|account|pid|ostpl|retired)"/)

    expect((await customer.get(`/api/plans/${retired.id}`)).status).toBe(404)
    expect((await customer.get(`/api/plans/${retired.id}/templates`)).status).toBe(404)
    expect((await customer.post('/api/plans', { name: 'Mine', account: 'inferno', mapping: GOOD_MAPPINGS.inferno })).status).toBe(403)
    expect((await customer.patch(`/api/plans/${active.id}`, { retired: true })).status).toBe(403)
    expect((await customer.get('/api/plans/catalog?account=inferno')).status).toBe(403)

    // Admins still see the retired one, and can bring it back.
    expect((await admin.get('/api/plans')).body.map((p: any) => p.id)).toContain(retired.id)
    await admin.patch(`/api/plans/${retired.id}`, { retired: false })
    expect((await customer.get('/api/plans')).body.map((p: any) => p.id)).toContain(retired.id)
  })

  it('offers the plan\'s OS templates with its default marked', async () => {
    const plan = await createPlan(admin, 'hostinger')
    const r = await customer.get(`/api/plans/${plan.id}/templates`)
    expect(r.status).toBe(200)
    expect(r.body.find((t: any) => t.default)).toMatchObject({ id: '1077', name: 'Debian 12' })
    expect(r.body.every((t: any) => !('extra' in t))).toBe(true)

    const vf = await createPlan(admin, 'virtfusion')
    const vt = await customer.get(`/api/plans/${vf.id}/templates`)
    expect(vt.body.map((t: any) => t.id)).toContain('46')
    expect(vt.body.some((t: any) => t.default)).toBe(false)
    expect((await customer.get(`/api/plans/${vf.id}`)).body).toMatchObject({ template_required: true, ssh_keys: true })
  })

  it('gives admins the account catalog for the plan form', async () => {
    const r = await admin.get('/api/plans/catalog?account=virtfusion')
    expect(r.status).toBe(200)
    expect(r.body.plans.map((p: any) => p.id)).toEqual(expect.arrayContaining(['1', '2', '3']))
    expect(r.body.datacenters.map((d: any) => d.id)).toEqual(expect.arrayContaining(['1', '2']))
    expect(r.body.errors).toEqual({ plans: null, datacenters: null, templates: null })
  })
})
