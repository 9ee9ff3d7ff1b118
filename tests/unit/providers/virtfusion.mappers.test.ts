/** VirtFusion mapping: the status map, record parsing (spec example), fingerprints, base URL. */
import { describe, expect, it } from 'vitest'
import { apiBaseUrl, errorMessage } from '../../../server/providers/virtfusion/client'
import { mapStatus, rawStatusOf, sshFingerprint, STATUS_MAP, toServerRecord, toTemplates } from '../../../server/providers/virtfusion/mappers'
import { meta } from '../../../server/providers/virtfusion/metadata'
import { virtfusion, VirtfusionAdapter } from '../../../server/providers/virtfusion'
import { SERVER_STATUSES } from '../../../server/providers/types'
import type { HttpClient } from '../../../server/providers/http'

/** The spec's GET /servers/{serverId} example, trimmed to what the mapper reads. */
const SPEC_SERVER = {
  id: 69,
  ownerId: 1,
  hypervisorId: 6,
  name: 'Elliptical Way',
  hostname: null,
  commissionStatus: 3,
  uuid: 'b9fd9092-7200-4a24-96d4-76aedd664274',
  state: 'complete',
  suspended: false,
  buildFailed: false,
  created: '2024-12-06T21:25:58+00:00',
  settings: { osTemplateInstallId: 49, resources: { memory: 1024, storage: 11, traffic: 20000, cpuCores: 2 } },
  cpu: { cores: 2 },
  network: {
    interfaces: [{
      enabled: true,
      ipv4: [{ enabled: true, address: '192.168.4.32' }, { enabled: true, address: '192.168.4.35' }],
      ipv6: [{ enabled: true, addresses: [], subnet: '2001:db8:abcd:12:2::', cidr: 80 }],
    }],
    secondaryInterfaces: [{ ipv4: [{ address: '192.168.4.33' }] }],
  },
  storage: [{ capacity: 11, primary: true }],
  hypervisor: { id: 6, groupId: 2, group: { name: 'Test', icon: null } },
  remoteState: false,
}

describe('VirtFusion STATUS_MAP', () => {
  it('maps every known word to one of our statuses', () => {
    expect(STATUS_MAP).toEqual({
      suspended: 'suspended',
      allocated: 'pending',
      queued: 'pending',
      building: 'pending',
      failed: 'error',
      complete: 'unknown',
      running: 'running',
      blocked: 'running',
      starting: 'pending',
      restarting: 'rebooting',
      shutdown: 'pending',
      shutoff: 'stopped',
      paused: 'stopped',
      pmsuspended: 'stopped',
      crashed: 'error',
      nostate: 'unknown',
    })
    for (const s of Object.values(STATUS_MAP)) expect(SERVER_STATUSES).toContain(s)
  })

  it('reads words case- and space-insensitively; an unknown word is "unknown"', () => {
    expect(mapStatus('Running')).toBe('running')
    expect(mapStatus('SHUTOFF')).toBe('stopped')
    expect(mapStatus('no state')).toBe('unknown')
    expect(mapStatus('migrating')).toBe('unknown')
  })

  it('picks the word: suspended flag, then a failed build, then the build state, then the live state', () => {
    const live = { state: 'complete', remoteState: { state: 'running' } }
    expect(rawStatusOf({ ...live, suspended: true })).toBe('suspended')
    expect(rawStatusOf({ ...live, buildFailed: true })).toBe('failed')
    expect(rawStatusOf({ state: 'queued', remoteState: { state: 'running' } })).toBe('queued')
    expect(rawStatusOf(live)).toBe('running')
    expect(rawStatusOf({ state: 'complete', remoteState: false })).toBe('complete')
    expect(rawStatusOf({})).toBe('unknown')
  })
})

describe('VirtFusion server mapping', () => {
  it('maps the spec\'s server example', () => {
    const r = toServerRecord(SPEC_SERVER)
    expect(r).toEqual({
      upstreamId: '69',
      name: 'Elliptical Way',
      hostname: null,
      status: 'unknown',
      rawStatus: 'complete',
      ipv4: ['192.168.4.32', '192.168.4.35'],
      ipv6: ['2001:db8:abcd:12:2::/80'],
      os: 'OS template 49',
      vcpus: 2,
      memoryMb: 1024,
      diskGb: 11,
      region: 'Test',
      plan: null,
      createdAt: '2024-12-06T21:25:58+00:00',
      extra: SPEC_SERVER,
    })
  })

  it('parses numbers sent as strings and prefers assigned IPv6 addresses', () => {
    const r = toServerRecord({
      id: '7', name: '', hostname: 'h.example.com', state: 'allocated',
      settings: { osTemplateInstallId: '0', resources: { memory: '2048', storage: '40', cpuCores: '3' } },
      network: { interfaces: [{ ipv4: [{ address: '10.0.0.1', enabled: false }, { address: '10.0.0.2' }], ipv6: [{ addresses: ['2001:db8::5'], subnet: '2001:db8::', cidr: 64 }] }] },
    })
    expect(r).toMatchObject({ upstreamId: '7', name: 'h.example.com', status: 'pending', os: null, vcpus: 3, memoryMb: 2048, diskGb: 40, ipv4: ['10.0.0.2'], ipv6: ['2001:db8::5'], region: null })
  })

  it('flattens template groups into named templates', () => {
    expect(toTemplates([{ name: 'Debian', templates: [{ id: 44, name: 'Debian', version: '12 (Bookworm)', variant: null }] }]))
      .toEqual([{ id: '44', name: 'Debian 12 (Bookworm)', family: 'Debian', extra: { id: 44, name: 'Debian', version: '12 (Bookworm)', variant: null } }])
  })
})

describe('VirtFusion helpers', () => {
  it('computes OpenSSH SHA256 fingerprints (as ssh-keygen -lf prints them)', () => {
    expect(sshFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINh+xK+0I2Bm4ZSqTSFdJfOXa4T+4h+TYWTiYuSnIVmw jon@laptop'))
      .toBe('SHA256:yNLqYxUUQV4uMb7R0+cSzHYr1hHG5dgA07oH/YV9h/s')
    expect(sshFingerprint('garbage')).toBeNull()
    expect(sshFingerprint(null)).toBeNull()
  })

  it('adds /api/v1 when only the panel address is given', () => {
    expect(apiBaseUrl('https://cp.example.com')).toBe('https://cp.example.com/api/v1')
    expect(apiBaseUrl('https://cp.example.com/')).toBe('https://cp.example.com/api/v1')
    expect(apiBaseUrl('https://cp.example.com/api/v1/')).toBe('https://cp.example.com/api/v1')
    expect(apiBaseUrl(undefined)).toBe('')
    expect(virtfusion.httpOptions({ apiKey: 'tok-1234' }, { base_url: 'https://cp.example.com' })).toMatchObject({
      baseUrl: 'https://cp.example.com/api/v1',
      headers: { Authorization: 'Bearer tok-1234' },
    })
  })

  it('reads VirtFusion error bodies', () => {
    expect(errorMessage({ errors: ['Invalid or disabled firewall ruleset'] })).toBe('Invalid or disabled firewall ruleset')
    expect(errorMessage({ errors: { email: ['taken'] } })).toBe('taken')
    expect(errorMessage({ msg: 'server locked' })).toBe('server locked')
    expect(errorMessage({ message: 'Unauthenticated.' })).toBe('Unauthenticated.')
    expect(errorMessage({})).toBeUndefined()
  })

  it('tolerates the spec\'s bare `[]` answer to /connect (version unknown)', async () => {
    const http = { options: { provider: 'VirtFusion', baseUrl: 'https://cp.example.com/api/v1' }, request: async () => ({ status: 200, data: [], headers: new Headers() }), get: async () => [] } as unknown as HttpClient
    const a = new VirtfusionAdapter(meta, { slug: 'vf', credentials: { apiKey: 'x' }, settings: {}, http })
    expect(await a.testConnection()).toEqual({ message: 'VirtFusion connection successful. Version: unknown', version: undefined, code: 'connected', params: { provider: 'VirtFusion' } })
  })
})
