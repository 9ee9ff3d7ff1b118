/**
 * VirtFusion addresses and backup plan over real HTTP against the simulator, with the spec checks
 * on (tests/support/contract-check.ts): add a quantity (ipv4Qty), add named addresses, remove them,
 * assign and remove a backup plan; and every refusal the panel answers.
 */
import { describe, expect, it } from 'vitest'
import type { ProviderError } from '../../../server/providers/errors'
import { adapter, reqs, sb, state } from './virtfusion-harness'

const fails = async (p: Promise<unknown>) => {
  try { await p }
  catch (e) { return e as ProviderError } throw new Error('expected a failure')
}
const addresses = (id: number) => state().findServer(id)!.ipv4.map(a => a.address)

describe('VirtFusion IPv4 addresses', () => {
  it('adds a quantity with POST …/ipv4Qty and answers the addresses the panel picked', async () => {
    const before = addresses(101)
    const r = await adapter().addIpv4('101', { interface: 'primary', quantity: 2 })
    expect(reqs().at(-1)).toMatchObject({ method: 'POST', path: '/servers/101/ipv4Qty', body: { interface: 'primary', quantity: 2 } })
    expect(r.addresses).toHaveLength(2)
    expect(r.addresses.every(a => a.startsWith('203.0.113.'))).toBe(true)
    expect(addresses(101)).toEqual([...before, ...r.addresses])
    // The server record shows them.
    expect((await adapter().getServer('101')).ipv4).toEqual(expect.arrayContaining(r.addresses))
  })

  it('adds named addresses with POST …/ipv4 (204) and removes them with DELETE …/ipv4', async () => {
    const r = await adapter().addIpv4('101', { interface: 'primary', addresses: ['203.0.113.200'] })
    expect(r.addresses).toEqual(['203.0.113.200'])
    expect(reqs().at(-1)).toMatchObject({ method: 'POST', path: '/servers/101/ipv4', body: { interface: 'primary', ip: ['203.0.113.200'] } })
    expect(addresses(101)).toContain('203.0.113.200')
    expect(await adapter().removeIpv4('101', 'primary', ['203.0.113.200'])).toMatchObject({ status: 'addresses removed' })
    expect(reqs().at(-1)).toMatchObject({ method: 'DELETE', path: '/servers/101/ipv4', body: { interface: 'primary', ip: ['203.0.113.200'] } })
    expect(addresses(101)).not.toContain('203.0.113.200')
  })

  it('refusals: an address in use or outside the block, one not on the server, no secondary interface, an unknown server', async () => {
    expect((await fails(adapter().addIpv4('101', { interface: 'primary', addresses: ['203.0.113.21'] }))).message).toMatch(/already assigned/)
    expect((await fails(adapter().addIpv4('101', { interface: 'primary', addresses: ['10.9.9.9'] }))).message).toMatch(/not in the server's IPv4 block/)
    expect((await fails(adapter().removeIpv4('101', 'primary', ['203.0.113.21']))).message).toMatch(/not assigned to server 101/)
    expect((await fails(adapter().addIpv4('101', { interface: 'secondary', quantity: 1 }))).message).toMatch(/no secondary interface/)
    expect((await fails(adapter().addIpv4('9999', { interface: 'primary', quantity: 1 }))).code).toBe('not_found')
    expect((await fails(adapter().removeIpv4('9999', 'primary', ['203.0.113.11']))).code).toBe('not_found')
  })

  it('is never retried on a 503 (each address may be billed): one request, the error passed on', async () => {
    sb.faults.add('virtfusion', { match: '/servers/101/ipv4Qty', method: 'POST', status: 503, count: 3 })
    const before = addresses(101)
    const e = await fails(adapter().addIpv4('101', { interface: 'primary', quantity: 1 }))
    expect(e.statusCode).toBeGreaterThanOrEqual(500)
    expect(reqs().filter(q => q.path === '/servers/101/ipv4Qty')).toHaveLength(1)
    expect(addresses(101)).toEqual(before)
  })
})

describe('VirtFusion backup plan', () => {
  it('reads none, assigns plan 1 (PUT …/backups/plan/1 → 201), reads it by name, removes it with plan 0', async () => {
    expect(await adapter().getBackupPlan('101')).toBeNull()
    expect(await adapter().setBackupPlan('101', '1')).toMatchObject({ status: 'backup plan set' })
    expect(reqs().at(-1)).toMatchObject({ method: 'PUT', path: '/servers/101/backups/plan/1' })
    expect(await adapter().getBackupPlan('101')).toEqual({ id: '1', name: 'Daily, 7 kept' })
    expect(await adapter().setBackupPlan('101', null)).toMatchObject({ status: 'backup plan removed' })
    expect(reqs().at(-1)).toMatchObject({ method: 'PUT', path: '/servers/101/backups/plan/0' })
    expect(await adapter().getBackupPlan('101')).toBeNull()
  })

  it('refuses an unknown plan (422 → invalid request) and a plan id that is not a whole number', async () => {
    const e = await fails(adapter().setBackupPlan('101', '77'))
    expect(e.message).toMatch(/Backup plan 77 does not exist/)
    expect(e.statusCode).toBeLessThan(500)
    expect((await fails(adapter().setBackupPlan('101', 'x'))).code).toBe('invalid_request')
    expect((await fails(adapter().setBackupPlan('9999', '1'))).code).toBe('not_found')
  })
})

describe('VirtFusion sign-in link (the link console)', () => {
  it('opens the server\'s panel page once for its owner; a second use is refused', async () => {
    state().findServer(101)!.ownerId = 2 // Jane, external relation 42
    const session = await adapter().openConsole('101', { type: 'link' })
    expect(session.type).toBe('link')
    expect(session.url).toMatch(/\/virtfusion\/token_authenticate\/\?1=[\w-]+&2=[\w-]+$/)
    const first = await fetch(session.url)
    expect(first.status).toBe(200)
    const page = await first.text()
    expect(page).toContain('Signed in as Jane Customer')
    expect(page).toContain('Server web-1.example.com')
    expect((await fetch(session.url)).status).toBe(403)
  })
})
