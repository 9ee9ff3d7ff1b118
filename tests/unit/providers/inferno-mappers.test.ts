import { describe, expect, it } from 'vitest'
import { failureError, failureOf, infernoHttpOptions, splitEndpoint } from '../../../server/providers/inferno/client'
import {
  STATUS_MAP, mapServerInfo, mapStatus, mapTemplates, orderEntries, parseNum, productEntries, sshFingerprint,
} from '../../../server/providers/inferno/mappers'
import { meta } from '../../../server/providers/inferno/metadata'
import { REAL_STATE } from '../../../sandbox/providers/inferno/state'
import { CAPABILITY_GROUPS } from '../../../server/providers/types'

describe('Inferno status map', () => {
  it('maps the panel words and order statuses explicitly', () => {
    expect(mapStatus('Включен')).toBe('running')
    expect(mapStatus('Выключен')).toBe('stopped')
    expect(mapStatus('Перезагружается')).toBe('rebooting')
    expect(mapStatus('Устанавливается')).toBe('pending')
    expect(mapStatus('Pending')).toBe('pending')
    expect(mapStatus('Active')).toBe('pending') // paid, no VPS installed yet
    expect(mapStatus('Suspended')).toBe('suspended')
    expect(mapStatus('Что-то новое')).toBe('unknown')
    // Words the doc never shows: translated by their stem where it is clear, else unknown.
    expect(mapStatus('Запускается')).toBe('pending')
    expect(mapStatus('Переустанавливается ')).toBe('pending')
    expect(mapStatus('Выключена')).toBe('stopped')
    expect(mapStatus('Мигрирует')).toBe('unknown')
    // The provider's word is kept beside our status, never in its place.
    const s = mapServerInfo('1', { orderStatus: 'Active', vps_info: { result: 'success', main_id: '5', ip: '192.0.2.1', real_state: 'Мигрирует' } })
    expect(s).toMatchObject({ status: 'unknown', rawStatus: 'Мигрирует' })
    expect(mapStatus('')).toBe('unknown')
  })

  it('covers every real_state word the simulator can answer', () => {
    for (const word of Object.values(REAL_STATE)) expect(STATUS_MAP[word], word).toBeDefined()
  })

  it('lets a suspended product win over the VPS state and keeps the password out of extra', () => {
    const s = mapServerInfo('1', {
      orderid: 1, orderStatus: 'Active', productStatus: 'Suspended', dedicatedip: '',
      vps_info: { result: 'success', main_id: '5', vps_name: 'v', ip: '192.0.2.10', real_state: 'Включен', vps_password: 'secret' },
    })
    expect(s).toMatchObject({ status: 'suspended', rawStatus: 'Suspended', ipv4: ['192.0.2.10'] })
    expect(JSON.stringify(s.extra)).not.toContain('secret')
  })
})

describe('Inferno answer shapes', () => {
  it('reads orders keyed by id even without an id field, and products as array or keyed object', () => {
    expect(orderEntries({ orders: { 47200: { status: 'Pending', amount: '5.00' } } })).toEqual([{ id: '47200', status: 'Pending', amount: '5.00' }])
    expect(orderEntries({})).toEqual([])
    expect(productEntries({ products: { 303: { name: 'A' } } })).toEqual([{ pid: '303', name: 'A' }])
    expect(productEntries({ products: [{ pid: 304, name: 'B' }] })).toEqual([{ pid: '304', name: 'B' }])
  })

  it('reads ostpls as a list of names or an object keyed by name', () => {
    expect(mapTemplates(['centos7-64-default']).map(t => [t.id, t.name, t.family])).toEqual([['centos7-64-default', 'centos7-64-default', 'centos']])
    expect(mapTemplates({ 'debian12-64-default': 'Debian 12' })[0]).toMatchObject({ id: 'debian12-64-default', name: 'Debian 12', family: 'debian' })
  })

  it('parses numbers given as strings', () => {
    expect(parseNum('5.00')).toBe(5)
    expect(parseNum('1,5')).toBe(1.5)
    expect(parseNum(7)).toBe(7)
    expect(parseNum('')).toBeNull()
    expect(parseNum('n/a')).toBeNull()
    expect(parseNum(undefined)).toBeNull()
  })

  it('computes OpenSSH SHA256 fingerprints (checked against ssh-keygen -lf)', () => {
    expect(sshFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOv24mfD6GPmxuFjtpVTC7jO5Rq9J/RyTqeYiiTK7gGe admin@laptop'))
      .toBe('SHA256:P33ANpwJvZGRSTvNmqZUTAXYK/2QZxrtQGdCv3hP/bA')
    expect(sshFingerprint('garbage')).toBeNull()
    expect(sshFingerprint(null)).toBeNull()
  })
})

describe('Inferno failures', () => {
  it('spots result fail, including the install backend verdict in retx', () => {
    expect(failureOf({ result: 'success' })).toBeNull()
    expect(failureOf({ result: 'fail', message: 'x' })).toEqual({ message: 'x', errorCode: null })
    expect(failureOf({ method: 'createVPS', result: 'fail', msg: 'Vps exists', error_code: 904 })).toEqual({ message: 'Vps exists', errorCode: 904 })
    expect(failureOf({ result: 'success', retx: { result: 'fail', msg: 'VSCD: no space', error_code: 12 } })).toEqual({ message: 'VSCD: no space', errorCode: 12 })
  })

  it('classifies messages into our error codes', () => {
    const code = (message: string, errorCode: number | null = null) => failureError('x', { message, errorCode }).code
    expect(code('Access denied: invalid cid or API key')).toBe('provider_auth')
    expect(code('Your IP is not in the whitelist')).toBe('provider_auth')
    expect(code('Something', 904)).toBe('conflict')
    expect(code('Order ID not found or Status not Pending')).toBe('conflict')
    expect(code('Order is not paid')).toBe('conflict')
    expect(code('Order ID not found')).toBe('not_found')
    expect(code('Invalid sshkey_ids: 9')).toBe('invalid_request')
    expect(code('Internal error')).toBe('upstream_error')
    expect(failureError('x', { message: 'Internal error', errorCode: null }).message).toBe('Inferno x failed: Internal error')
  })
})

describe('Inferno transport and metadata', () => {
  it('splits the endpoint so the script is requested without a trailing slash', () => {
    expect(splitEndpoint('https://cp.inferno.name/api_client.php')).toEqual({ root: 'https://cp.inferno.name', script: '/api_client.php' })
    expect(splitEndpoint('https://cp.inferno.name/')).toEqual({ root: 'https://cp.inferno.name', script: '/api_client.php' })
    expect(splitEndpoint('')).toEqual({ root: 'https://cp.inferno.name', script: '/api_client.php' })
  })

  it('puts the key in X-Key and nothing in the query (cid goes in each JSON body)', () => {
    const o = infernoHttpOptions({ apiKey: 'k-123456789' }, { cid: 777, base_url: 'https://cp.inferno.name/api_client.php' })
    expect(o).toMatchObject({ baseUrl: 'https://cp.inferno.name', headers: { 'X-Key': 'k-123456789' } })
    expect(o.query).toBeUndefined()
  })

  it('declares every capability group, cid as required and a default endpoint', () => {
    expect(Object.keys(meta.capabilities).sort()).toEqual([...CAPABILITY_GROUPS].sort())
    for (const g of CAPABILITY_GROUPS) if (!meta.capabilities[g].supported) expect(meta.capabilities[g].note).toBeTruthy()
    expect(meta.settings.find(s => s.key === 'cid')).toMatchObject({ required: true })
    expect(meta.settings.find(s => s.key === 'base_url')).toMatchObject({ default: 'https://cp.inferno.name/api_client.php' })
  })
})
