import { describe, expect, it } from 'vitest'
import { ADMIN_ONLY, needsInstall, refusal, waitingForProvider, type ServerState } from '../../../server/services/servers/rules'

const base: ServerState = { name: 'web-1', status: 'running', gone: false, adminLocked: false, needsInstall: false }
const admin = { isAdmin: true }
const customer = { isAdmin: false }

describe('refusal', () => {
  it('allows what the state allows', () => {
    expect(refusal(base, 'stop', admin)).toBeNull()
    expect(refusal(base, 'restart', admin)).toBeNull()
    expect(refusal({ ...base, status: 'stopped' }, 'start', customer)).toBeNull()
    expect(refusal({ ...base, status: 'suspended' }, 'unsuspend', admin)).toBeNull()
    expect(refusal({ ...base, status: 'error' }, 'start', admin)).toBeNull()
    expect(refusal({ ...base, status: 'unknown' }, 'stop', admin)).toBeNull()
  })

  it('refuses the same state twice with a clear sentence', () => {
    expect(refusal(base, 'start', admin)).toBe('web-1 is already running')
    expect(refusal({ ...base, status: 'stopped' }, 'stop', admin)).toBe('web-1 is already stopped')
    expect(refusal({ ...base, status: 'stopped' }, 'poweroff', admin)).toBe('web-1 is already stopped')
    expect(refusal({ ...base, status: 'stopped' }, 'restart', admin)).toBe('web-1 is stopped; start it instead')
    expect(refusal({ ...base, status: 'suspended' }, 'suspend', admin)).toBe('web-1 is already suspended')
    expect(refusal(base, 'unsuspend', admin)).toBe('web-1 is not suspended')
  })

  it('refuses anything during a transition, except a delete', () => {
    for (const status of ['pending', 'rebooting']) {
      for (const op of ['start', 'stop', 'restart', 'resize', 'reinstall', 'suspend', 'root-password'] as const) {
        expect(refusal({ ...base, status }, op, admin)).toBe(`web-1 is ${status}; wait until it settles`)
      }
      expect(refusal({ ...base, status }, 'destroy', admin)).toBeNull()
    }
  })

  it('refuses power and changes on a suspended server', () => {
    const s = { ...base, status: 'suspended' }
    expect(refusal(s, 'start', admin)).toMatch(/suspended; unsuspend it first/)
    expect(refusal(s, 'restart', admin)).toMatch(/suspended; unsuspend it first/)
    expect(refusal(s, 'reinstall', admin)).toMatch(/suspended/)
    expect(refusal(s, 'stop', admin)).toMatch(/already stopped/)
  })

  it('refuses everything on a gone server', () => {
    for (const op of ['start', 'stop', 'destroy', 'reinstall', 'root-password'] as const) {
      expect(refusal({ ...base, gone: true }, op, admin)).toBe('web-1 is gone: the provider no longer has it')
    }
  })

  it('keeps customers off a locked server but lets them stop it; admins are not locked out', () => {
    const locked = { ...base, status: 'stopped', adminLocked: true, lockReason: 'unpaid' }
    expect(refusal(locked, 'start', customer)).toBe('web-1 is locked by an administrator (unpaid)')
    expect(refusal({ ...locked, lockReason: null }, 'reinstall', customer)).toBe('web-1 is locked by an administrator')
    expect(refusal(locked, 'start', admin)).toBeNull()
    expect(refusal({ ...locked, status: 'running' }, 'stop', customer)).toBeNull()
  })

  it('waits for the install step before acting, but lets an uninstalled order be cancelled', () => {
    const s = { ...base, status: 'pending', needsInstall: true }
    expect(refusal(s, 'start', admin)).toMatch(/not installed yet/)
    expect(refusal(s, 'destroy', admin)).toBeNull()
  })

  it('names the admin-only operations', () => {
    expect([...ADMIN_ONLY].sort()).toEqual(['destroy', 'resize', 'suspend', 'unsuspend'])
  })
})

describe('needsInstall / waitingForProvider', () => {
  it('reads each provider\'s raw word', () => {
    expect(needsInstall('virtfusion', 'allocated')).toBe(true)
    expect(needsInstall('virtfusion', 'queued')).toBe(false)
    expect(needsInstall('virtfusion', 'running')).toBe(false)
    expect(needsInstall('hostinger', 'initial')).toBe(true)
    expect(needsInstall('hostinger', 'creating')).toBe(false)
    expect(needsInstall('inferno', 'Pending')).toBe(true)
    expect(needsInstall('inferno', 'Active')).toBe(true)
    expect(needsInstall('inferno', 'Включен')).toBe(false)
    expect(needsInstall('virtua', 'stopped')).toBe(false)
    expect(needsInstall('virtfusion', null)).toBe(false)
    expect(waitingForProvider('inferno', 'Pending')).toBe(true)
    expect(waitingForProvider('inferno', 'Active')).toBe(false)
    expect(waitingForProvider('virtfusion', 'allocated')).toBe(false)
  })
})
