/** Virtua.cloud mappers and metadata: status map, string numbers, flags, nulls. */
import { describe, expect, it } from 'vitest'
import { CAPABILITY_GROUPS, SERVER_STATUSES } from '../../../server/providers/types'
import { virtua } from '../../../server/providers/virtua'
import { classifyErrorCode, errorMessage } from '../../../server/providers/virtua/client'
import { flag, isoish, mapBalance, mapDatacenters, mapLimits, mapPlan, mapServer, num, rawStatusOf, serverStatus, STATUS_MAP } from '../../../server/providers/virtua/mappers'

const base = { uuid: 'u1', name: 'vs1.par01fr.vsys.cloud', status: 'running', is_suspended: '0', is_error: '0', is_setup: '1', is_processing: '0' }

describe('Virtua.cloud status map', () => {
  it('maps every provider word to one of our statuses', () => {
    for (const [word, ours] of Object.entries(STATUS_MAP)) expect(SERVER_STATUSES, word).toContain(ours)
    expect(STATUS_MAP.running).toBe('running')
    expect(STATUS_MAP.stopped).toBe('stopped')
    expect(STATUS_MAP.restarting).toBe('rebooting')
    expect(STATUS_MAP.installing).toBe('pending')
  })

  it('lets the flags override the word, in order suspended > error > processing/setup', () => {
    expect(serverStatus(base)).toBe('running')
    expect(serverStatus({ ...base, status: 'stopped' })).toBe('stopped')
    expect(serverStatus({ ...base, status: 'RUNNING ' })).toBe('running')
    expect(serverStatus({ ...base, is_processing: '1' })).toBe('pending')
    expect(serverStatus({ ...base, is_setup: '0', status: 'stopped' })).toBe('pending')
    expect(serverStatus({ ...base, is_error: '1', is_processing: '1' })).toBe('error')
    expect(serverStatus({ ...base, is_suspended: '1', is_error: '1' })).toBe('suspended')
    expect(serverStatus({ ...base, status: 'hibernating' })).toBe('unknown')
    expect(serverStatus({ uuid: 'u', status: null })).toBe('unknown')
    // A record without is_setup (older API) is not taken as "not set up".
    expect(serverStatus({ uuid: 'u', status: 'running' })).toBe('running')
  })

  it('keeps the raw word and the overriding flags in rawStatus', () => {
    expect(rawStatusOf(base)).toBe('running')
    expect(rawStatusOf({ ...base, status: 'stopped', is_processing: '1', is_setup: '0', setup_step: 'Installing system' })).toBe('stopped (processing: Installing system)')
    expect(rawStatusOf({ ...base, is_suspended: '1', suspension_reason: null })).toBe('running (suspended)')
    expect(rawStatusOf({ ...base, is_setup: '0' })).toBe('running (not set up)')
  })
})

describe('Virtua.cloud value parsing', () => {
  it('parses string numbers and flags null-safely', () => {
    expect(num('93.6425')).toBe(93.6425)
    expect(num('0.134243111111080000000000000000')).toBeCloseTo(0.134243111)
    expect(num(5)).toBe(5)
    expect([num(null), num(undefined), num(''), num('n/a'), num({})]).toEqual([null, null, null, null, null])
    expect([flag('1'), flag(1), flag(true), flag('0'), flag(null), flag('yes')]).toEqual([true, true, true, false, false, false])
    expect(isoish('2020-02-10 13:53:53')).toBe('2020-02-10T13:53:53')
    expect(isoish(null)).toBeNull()
  })

  it('maps a sparse server record without throwing', () => {
    const s = mapServer({ uuid: 'abc', status: 'stopped', vcpus: null, memory_size: '', offer: null, system: null, cloud_zone: null })
    expect(s).toMatchObject({ upstreamId: 'abc', name: 'abc', hostname: null, status: 'stopped', vcpus: null, memoryMb: null, diskGb: null, os: null, plan: null, region: null, createdAt: null, ipv4: [], ipv6: [] })
  })

  it('picks up IP addresses if a record carries them', () => {
    const s = mapServer({ ...base, ip_addresses: [{ ip: '203.0.113.10' }, '2001:db8::1', { address: '203.0.113.10' }] })
    expect(s.ipv4).toEqual(['203.0.113.10'])
    expect(s.ipv6).toEqual(['2001:db8::1'])
  })

  it('derives zone ids from names and offers, with a slug when there is no code', () => {
    expect(mapServer(base).region).toBe('par01fr')
    const zone = { country_code: 'FR', city_name: 'Paris', datacenter_name: 'Iliad DC2' }
    expect(mapServer({ ...base, name: 'custom', cloud_zone: zone }).region).toBe('fr-paris-iliad-dc2')
    expect(mapPlan({ uuid: 'legacy-offer', cloud_zone: zone }).region).toBe('fr-paris-iliad-dc2')
    expect(mapDatacenters([{ uuid: 'a.par01fr', cloud_zone: zone }, { uuid: 'b.par01fr', cloud_zone: zone }])).toHaveLength(1)
  })

  it('maps balance and limits with missing fields as null', () => {
    expect(mapBalance({ balance: '-1.5', currency: 'EUR' })).toMatchObject({ amount: -1.5, monthlyUsage: null, todayUsage: null })
    expect(mapLimits({ usage: { cloud_servers: 5, vcpus: '10' }, limits: { cloud_servers: '8', smtp_enabled: '1' } })).toEqual([
      { resource: 'cloud_servers', used: 5, limit: 8, unit: null },
      { resource: 'vcpus', used: 10, limit: null, unit: 'vCPU' },
    ])
    expect(mapLimits({})).toEqual([])
  })
})

describe('Virtua.cloud errors and metadata', () => {
  it('reads the provider error body and classifies its codes', () => {
    expect(errorMessage({ success: false, error: 'server_processing', messages: [{ content: 'Busy.', type: 'error' }] })).toBe('Busy. [server_processing]')
    expect(errorMessage({ message: 'sandbox injected HTTP 503' })).toBe('sandbox injected HTTP 503')
    expect(errorMessage('text')).toBeUndefined()
    expect(classifyErrorCode('server_already_running')).toBe('conflict')
    expect(classifyErrorCode('server_suspended')).toBe('conflict')
    expect(classifyErrorCode('cloud_server_not_found')).toBe('not_found')
    expect(classifyErrorCode('forbidden')).toBe('provider_auth')
    expect(classifyErrorCode('invalid_offer')).toBe('invalid_request')
    expect(classifyErrorCode('weird')).toBeUndefined()
  })

  it('declares every capability group with a note for each limitation', () => {
    for (const g of CAPABILITY_GROUPS) {
      const c = virtua.meta.capabilities[g]
      expect(c, g).toBeDefined()
      if (!c.supported) expect(c.note, g).toBeTruthy()
    }
    expect(virtua.meta.displayName).toBe('Virtua.cloud')
    expect(virtua.meta.settings.find(s => s.key === 'base_url')).toMatchObject({ default: 'https://api.virtua.cloud', required: true })
    const opts = virtua.httpOptions({ apiKey: 'k-123456' }, {})
    expect(opts.baseUrl).toBe('https://api.virtua.cloud')
    expect(opts.headers).toEqual({ Authorization: 'Basic k-123456' })
  })
})
