/** Hostinger mappers: the status map, fingerprints, sizes and periods (no HTTP). */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { SERVER_STATUSES, CAPABILITY_GROUPS } from '../../../server/providers/types'
import { STATUS_MAP, formatPeriod, mapServer, mapStatus, mapSubscription, sizeMb, sshFingerprint } from '../../../server/providers/hostinger/mappers'
import { errorMessage, correlationId, bearerToken } from '../../../server/providers/hostinger/client'
import { hostinger } from '../../../server/providers/hostinger'

const SPEC = '/work/shared/specs/hostinger/openapi.json'

describe('hostinger STATUS_MAP', () => {
  it('maps every word of the spec\'s VM state enum explicitly, to one of our statuses', () => {
    const expected = [
      'running', 'starting', 'stopping', 'stopped', 'creating', 'initial', 'error', 'suspending', 'unsuspending',
      'suspended', 'destroying', 'destroyed', 'recreating', 'restoring', 'recovery', 'stopping_recovery',
    ]
    let specEnum = expected
    try {
      const spec = JSON.parse(readFileSync(SPEC, 'utf8'))
      specEnum = spec.components.schemas['VPS.V1.VirtualMachine.VirtualMachineResource'].properties.state.enum
    }
    catch { /* the shared spec is not in every checkout; the list above is its copy */ }
    expect(Object.keys(STATUS_MAP).sort()).toEqual([...specEnum].sort())
    for (const s of Object.values(STATUS_MAP)) expect(SERVER_STATUSES).toContain(s)
  })

  it('maps the words that matter to the app', () => {
    expect(mapStatus('running')).toBe('running')
    expect(mapStatus('stopped')).toBe('stopped')
    expect(mapStatus('starting')).toBe('pending')
    expect(mapStatus('stopping')).toBe('pending')
    expect(mapStatus('creating')).toBe('pending')
    expect(mapStatus('initial')).toBe('pending')
    expect(mapStatus('recreating')).toBe('pending')
    expect(mapStatus('suspended')).toBe('suspended')
    expect(mapStatus('error')).toBe('error')
    expect(mapStatus('stopping_recovery')).toBe('rebooting')
    expect(mapStatus('RUNNING')).toBe('running')
    expect(mapStatus('melting')).toBe('unknown')
    expect(mapStatus(undefined)).toBe('unknown')
  })
})

describe('hostinger mappers', () => {
  it('maps a VM, parsing numbers sent as strings and disk MB → GB', () => {
    const s = mapServer({
      id: 7, hostname: 'h.example.com', state: 'stopped', cpus: '4', memory: '16384', disk: '204800',
      ipv4: [{ id: 1, address: '198.51.100.7' }], ipv6: null, template: null, plan: 'KVM 4', data_center_id: 29, created_at: null,
    })
    expect(s).toMatchObject({ upstreamId: '7', status: 'stopped', rawStatus: 'stopped', vcpus: 4, memoryMb: 16384, diskGb: 200, ipv4: ['198.51.100.7'], ipv6: [], region: '29', os: null })
    expect((s.extra as { cpus: string }).cpus).toBe('4')
  })

  it('computes OpenSSH SHA256 fingerprints (as ssh-keygen -lf prints them)', () => {
    expect(sshFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO6wVOWv59u9cgYvdE2KVw7gPT3Yme3kmGGEwxU/s5PD deploy@ci'))
      .toBe('SHA256:/Nu7tXKVkQ8Bh2SGFk3r8u0TScSrxXZYpigtS6xKxLM')
    expect(sshFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEIUOc/KamzuBChV8YBIi/IigWCGZWwaqylwfCdtd9m7'))
      .toBe('SHA256:yhoX7hBF6bAVThFI2vRm8XFHQwXT6hOvLbR9ZWUHf7s')
    expect(sshFingerprint('garbage')).toBeNull()
    expect(sshFingerprint('ssh-rsa not*base64')).toBeNull()
    expect(sshFingerprint(null)).toBeNull()
  })

  it('reads sizes and periods', () => {
    expect(sizeMb('8192')).toBe(8192)
    expect(sizeMb('100 GB')).toBe(102400)
    expect(sizeMb('1TB')).toBe(1048576)
    expect(sizeMb('lots')).toBeNull()
    expect(formatPeriod(1, 'month')).toBe('monthly')
    expect(formatPeriod('1', 'year')).toBe('yearly')
    expect(formatPeriod(24, 'month')).toBe('every 24 months')
    expect(formatPeriod(0, 'none')).toBe('one-time')
    expect(formatPeriod(1, null)).toBeNull()
  })

  it('takes renews_at from next_billing_at, falling back to expiry while auto-renewal is on', () => {
    const base = { id: 's', name: 'KVM 1', status: 'active', renewal_price: '1099', currency_code: 'EUR' }
    expect(mapSubscription({ ...base, is_auto_renewed: true, next_billing_at: '2026-01-02T00:00:00Z', expires_at: '2026-01-03T00:00:00Z' }))
      .toMatchObject({ renews_at: '2026-01-02T00:00:00Z', price: 10.99, currency: 'EUR' })
    expect(mapSubscription({ ...base, is_auto_renewed: true, next_billing_at: null, expires_at: '2026-01-03T00:00:00Z' }).renews_at).toBe('2026-01-03T00:00:00Z')
    expect(mapSubscription({ ...base, is_auto_renewed: false, next_billing_at: null, expires_at: '2026-01-03T00:00:00Z' }).renews_at).toBeNull()
  })
})

describe('hostinger client and metadata', () => {
  it('renders validation errors field by field, and keeps the correlation id', () => {
    expect(errorMessage({ message: 'The item id field is required. (and 1 more error)', errors: { item_id: ['The item id field is required.'], 'setup.template_id': ['The selected setup.template id is invalid.'] } }))
      .toBe('item_id: The item id field is required.; setup.template_id: The selected setup.template id is invalid.')
    expect(errorMessage({ message: 'Unauthenticated', correlation_id: 'c' })).toBe('Unauthenticated')
    expect(errorMessage('x')).toBeUndefined()
    expect(correlationId({ message: 'x', correlation_id: 'abc' }, new Headers())).toBe('abc')
    expect(correlationId(undefined, new Headers({ 'x-correlation-id': 'hdr' }))).toBe('hdr')
    expect(bearerToken(' Bearer abc ')).toBe('abc')
  })

  it('declares every capability group, with a reason for each limitation', () => {
    const caps = hostinger.meta.capabilities
    expect(Object.keys(caps).sort()).toEqual([...CAPABILITY_GROUPS].sort())
    for (const g of CAPABILITY_GROUPS) if (!caps[g].supported) expect(caps[g].note).toBeTruthy()
    expect(caps.destroy).toEqual({ supported: false, note: 'Hostinger\'s API cannot delete a VM; cancel the subscription in hPanel' })
    expect(caps.dns).toEqual({ supported: true, note: 'DNS zones and snapshots' })
    expect(caps.domains).toMatchObject({ supported: true, note: expect.stringMatching(/availability, purchase, lock, privacy, nameservers/) })
    expect(hostinger.meta.settings.find(s => s.key === 'base_url')).toMatchObject({ required: true, default: 'https://developers.hostinger.com' })
    const opts = hostinger.httpOptions({ apiKey: 'Bearer tok-123456' }, {})
    expect(opts).toMatchObject({ baseUrl: 'https://developers.hostinger.com', headers: { Authorization: 'Bearer tok-123456' } })
  })
})
