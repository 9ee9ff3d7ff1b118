import { describe, expect, it } from 'vitest'
import {
  actionAvailability as actionFor, newIdempotencyKey, operationAvailability as operationFor, passwordProblem as passwordFor,
  rootPasswordSupport as rootPasswordFor, summarizeBulk, type ServerAction, type ServerLike,
} from '../../utils/servers'
import { providers } from '../../server/providers/registry'
import { translator } from './servers/translate'

const t = translator('en')

// The pages pass each server's provider facts (GET /api/hosting/provider-facts): here, the providers' own.
type Srv = ServerLike & { account: { type: string } }
const factsOf = (type: string) => providers[type as keyof typeof providers]?.meta.facts
const actionAvailability = (s: Srv, a: ServerAction, admin: boolean) => actionFor(s, a, admin, factsOf(s.account.type))
const operationAvailability = (s: Srv, op: 'reinstall' | 'resize' | 'destroy', admin: boolean) => operationFor(s, op, admin, factsOf(s.account.type))
const rootPasswordSupport = (s: Srv) => rootPasswordFor(s, factsOf(s.account.type))
const passwordProblem = (type: string, password: string) => passwordFor(factsOf(type)?.password_rule, password)

const caps = {
  power: { supported: true, note: 'Start, stop and restart. There is no separate hard power-off.' },
  suspend: { supported: false, note: 'The API has no suspend.' },
  resize: { supported: true },
  reinstall: { supported: true },
  destroy: { supported: false, note: 'Hostinger\'s API cannot delete a VM; cancel the subscription in hPanel' },
}
const server = (over: Partial<Srv> = {}): Srv => ({ name: 'web-1', status: 'running', account: { type: 'hostinger' }, capabilities: caps, ...over })

describe('power actions follow state and capability', () => {
  it('offers stop and restart on a running server, not start', () => {
    expect(actionAvailability(server(), 'stop', false).enabled).toBe(true)
    expect(actionAvailability(server(), 'restart', false).enabled).toBe(true)
    expect(actionAvailability(server(), 'start', false)).toEqual({ enabled: false, reason: 'web-1 is running', why: { key: 'server.why.isStatus', params: { name: 'web-1', status: 'running' } } })
  })
  it('offers start on a stopped server', () => {
    expect(actionAvailability(server({ status: 'stopped' }), 'start', false).enabled).toBe(true)
    expect(actionAvailability(server({ status: 'stopped' }), 'stop', false).enabled).toBe(false)
  })
  it('refuses everything while the server is in transition, saying why', () => {
    for (const a of ['start', 'stop', 'restart'] as const) {
      expect(actionAvailability(server({ status: 'pending' }), a, true)).toEqual({ enabled: false, reason: 'web-1 is pending; wait until it settles', why: { key: 'server.why.settling', params: { name: 'web-1', status: 'pending' } } })
    }
  })
  it('explains an unsupported capability with its note', () => {
    expect(actionAvailability(server(), 'suspend', true)).toMatchObject({ enabled: false, reason: 'The API has no suspend.' })
    expect(actionAvailability(server(), 'poweroff', true)).toMatchObject({ enabled: false, reason: caps.power.note })
    const vf = server({ account: { type: 'virtfusion' }, capabilities: { ...caps, suspend: { supported: true } } })
    expect(actionAvailability(vf, 'poweroff', true).enabled).toBe(true)
    expect(actionAvailability(vf, 'suspend', true).enabled).toBe(true)
    expect(actionAvailability(vf, 'suspend', false)).toEqual({ enabled: false, reason: 'Only an administrator can do this', why: { key: 'server.why.adminOnly' } })
    expect(actionAvailability({ ...vf, status: 'suspended' }, 'unsuspend', true).enabled).toBe(true)
  })
  it('refuses a gone server and, for customers, a locked one', () => {
    expect(actionAvailability(server({ gone: true }), 'stop', true).reason).toMatch(/no longer exists/)
    expect(actionAvailability(server({ admin_locked: true, lock_reason: 'abuse' }), 'restart', false).reason).toBe('Locked by an administrator: abuse')
    expect(actionAvailability(server({ admin_locked: true }), 'stop', false).enabled).toBe(true)
    expect(actionAvailability(server({ admin_locked: true }), 'stop', true).enabled).toBe(true)
  })
})

describe('reinstall, resize, delete', () => {
  it('says why Hostinger cannot delete', () => {
    expect(operationAvailability(server(), 'destroy', true)).toMatchObject({ enabled: false, reason: caps.destroy.note })
  })
  it('lets Inferno cancel only a pending order', () => {
    const inf = server({ account: { type: 'inferno' }, capabilities: { ...caps, destroy: { supported: true, note: 'Only unpaid (Pending) orders' } } })
    expect(operationAvailability(inf, 'destroy', true)).toMatchObject({ enabled: false, reason: 'Only unpaid (Pending) orders' })
    expect(operationAvailability({ ...inf, status: 'pending' }, 'destroy', true).enabled).toBe(true)
  })
  it('keeps resize and delete for admins, reinstall for everyone', () => {
    expect(operationAvailability(server(), 'resize', false).enabled).toBe(false)
    expect(operationAvailability(server(), 'reinstall', false).enabled).toBe(true)
    expect(operationAvailability(server({ status: 'rebooting' }), 'reinstall', true).enabled).toBe(false)
  })
})

describe('small rules', () => {
  it('checks Hostinger passwords only', () => {
    expect(passwordProblem('hostinger', 'short')).toMatch(/12 characters/)
    expect(passwordProblem('hostinger', 'alllowercase123')).toMatch(/upper/)
    expect(passwordProblem('hostinger', 'Good-Password-2024')).toBeNull()
    expect(passwordProblem('virtfusion', 'x')).toBeNull()
  })
  it('knows which providers reveal a root password, and that VirtFusion resets it', () => {
    expect(rootPasswordSupport(server()).enabled).toBe(false)
    expect(rootPasswordSupport(server({ account: { type: 'virtfusion' } }))).toEqual({ enabled: true, resets: true })
    expect(rootPasswordSupport(server({ account: { type: 'inferno' } }))).toEqual({ enabled: true, resets: false })
  })
  it('summarises a bulk action with each failure named', () => {
    const r = (name: string, ok: boolean, message = '') => ({ server: { name }, ok, message })
    expect(summarizeBulk([r('a', true), r('b', true)], 'start', t)).toEqual({ level: 'success', text: '2 of 2 started' })
    expect(summarizeBulk([r('a', true), r('b', false, 'b is already running')], 'start', t))
      .toEqual({ level: 'warning', text: '1 of 2 started. b is already running' })
    expect(summarizeBulk([r('a', false, 'no')], 'stop', t)).toEqual({ level: 'error', text: '0 of 1 stopped. a: no' })
  })
  it('makes v4 uuids', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })
})
