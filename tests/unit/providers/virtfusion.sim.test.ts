/** The VirtFusion simulator itself, spoken to directly: auth, validation, pagination, reset. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import type { VirtfusionState } from '../../../sandbox/providers/virtfusion'

let sb: Sandbox
let base: string
beforeAll(async () => {
  sb = await startSandbox({ transitionMs: 100 })
  base = sandboxBaseUrl(sb.url, 'virtfusion')
})
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

const auth = { Authorization: `Bearer ${SANDBOX_CREDENTIALS.virtfusion.api_key}`, Accept: 'application/json' }
const state = () => sb.sims.virtfusion.state as VirtfusionState
/** Requests that break the spec on purpose (to test the refusal) are not contract violations. */
const offContract = { ...auth, 'x-sandbox-contract': 'off' }

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = auth) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json: any
  try { json = JSON.parse(text) }
  catch { json = undefined }
  return { status: res.status, text, json, type: res.headers.get('content-type') }
}

describe('VirtFusion simulator', () => {
  it('answers 401 "401 Unauthorized" without a Bearer token or with a wrong one', async () => {
    const variants = ([{}, { Authorization: 'Bearer nope' }, { Authorization: SANDBOX_CREDENTIALS.virtfusion.api_key }] as Record<string, string>[])
      .map((h): Record<string, string> => ({ ...h, 'x-sandbox-contract': 'off' }))
    for (const headers of variants) {
      const r = await call('GET', '/connect', undefined, headers)
      expect(r).toMatchObject({ status: 401, text: '401 Unauthorized', type: 'application/octet-stream' })
    }
  })

  it('refuses POST /servers without packageId/userId/hypervisorId, or with non-integers (422 {"errors":[…]})', async () => {
    const empty = await call('POST', '/servers', {}, offContract)
    expect(empty.status).toBe(422)
    expect(empty.json).toEqual({ errors: ['The packageId field is required.', 'The userId field is required.', 'The hypervisorId field is required.'] })
    const email = await call('POST', '/servers', { packageId: 1, userId: 'jon@example.com', hypervisorId: 1 }, offContract)
    expect(email).toMatchObject({ status: 422, json: { errors: ['The userId must be an integer.'] } })
    const text = await call('POST', '/servers', { packageId: '1', userId: 1, hypervisorId: 1 }, offContract)
    expect(text).toMatchObject({ status: 422, json: { errors: ['The packageId must be an integer.'] } })
    const unknown = await call('POST', '/servers', { packageId: 1, userId: 9, hypervisorId: 3 })
    expect(unknown).toMatchObject({ status: 422, json: { errors: ['Invalid user', 'Invalid or disabled hypervisor group'] } })
    expect(state().servers).toHaveLength(3)
  })

  it('creates an unbuilt server: 201, state "allocated", commissionStatus 0, an address, no OS', async () => {
    const r = await call('POST', '/servers', { packageId: 2, userId: 1, hypervisorId: 2 })
    expect(r.status).toBe(201)
    expect(r.json.data).toMatchObject({ id: 201, ownerId: 1, hypervisorId: 7, name: '', hostname: null, state: 'allocated', commissionStatus: 0, built: null, suspended: false })
    expect(r.json.data.settings).toMatchObject({ osTemplateInstallId: 0, resources: { memory: 4096, storage: 60, cpuCores: 2 } })
    expect(r.json.data.network.interfaces[0].ipv4[0].address).toMatch(/^198\.51\.100\./)
  })

  it('pages lists the Laravel way', async () => {
    const p1 = await call('GET', '/servers?results=2')
    expect(p1.json).toMatchObject({ current_page: 1, last_page: 2, per_page: 2, total: 3, from: 1, to: 2, prev_page_url: null })
    expect(p1.json.next_page_url).toContain('page=2')
    expect(p1.json.data.map((s: { id: number }) => s.id)).toEqual([101, 102])
    expect(p1.json.data[0]).toEqual(expect.objectContaining({ uuid: expect.any(String), commissioned: 3, owner: 1, suspended: false }))
    const p2 = await call('GET', '/servers?results=2&page=2')
    expect(p2.json).toMatchObject({ current_page: 2, next_page_url: null, from: 3, to: 3 })
    expect(p2.json.data.map((s: { id: number }) => s.id)).toEqual([103])
    const full = await call('GET', '/servers?type=full')
    expect(full.json.data[0]).toHaveProperty('network.interfaces')
  })

  it('reports live state only when asked (remoteState=true)', async () => {
    expect((await call('GET', '/servers/101')).json.data.remoteState).toBe(false)
    expect((await call('GET', '/servers/101?remoteState=true')).json.data.remoteState).toMatchObject({ state: 'running', running: true })
  })

  it('answers 204 with no body to suspend, unsuspend and delete', async () => {
    for (const [m, p] of [['POST', '/servers/101/suspend'], ['POST', '/servers/101/unsuspend'], ['DELETE', '/servers/101?delay=0']] as const) {
      const r = await call(m, p)
      expect(r).toMatchObject({ status: 204, text: '' })
    }
    expect((await call('GET', '/servers/101')).status).toBe(404)
  })

  it('validates the deletion delay (0–43800) and a path id', async () => {
    expect((await call('DELETE', '/servers/101?delay=43801', undefined, offContract)).status).toBe(422)
    expect((await call('DELETE', '/servers/101?delay=abc', undefined, offContract)).status).toBe(422)
    expect((await call('GET', '/servers/abc', undefined, offContract)).status).toBe(422)
    expect((await call('GET', '/no/such/path', undefined, offContract)).json).toEqual({ errors: ['The requested resource could not be found.'] })
  })

  it('returns the generated root password with the build, and a fresh one on reset', async () => {
    const build = await call('POST', '/servers/101/build', { operatingSystemId: 46 })
    expect(build.json.data).toMatchObject({ state: 'queued', commissionStatus: 1, rebuild: true })
    expect(build.json.data.settings.decryptedPassword).toMatch(/^[A-Za-z0-9]{20}$/)
    expect((await call('POST', '/servers/101/build', {}, offContract)).json).toEqual({ errors: ['The operating system id field is required.'] })
    expect((await call('POST', '/servers/102/resetPassword', {}, offContract)).status).toBe(422)
  })

  it('reset() restores the seed fixture, and never hands out an id twice', async () => {
    const made = await call('POST', '/servers', { packageId: 1, userId: 1, hypervisorId: 1 })
    await call('DELETE', '/servers/101')
    await call('POST', '/users', { name: 'A', email: 'a@example.com' })
    state().advance(3_600_000)
    sb.reset()
    expect(state().servers.map(s => s.id)).toEqual([101, 102, 103])
    expect(state().users.map(u => u.id)).toEqual([1, 2])
    expect(state().clockOffsetMs).toBe(0)
    const r = await call('POST', '/servers', { packageId: 1, userId: 1, hypervisorId: 1 })
    expect(r.json.data.id).toBeGreaterThan(made.json.data.id)
  })
})
