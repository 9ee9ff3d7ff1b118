import { describe, expect, it } from 'vitest'
import { checkMappingAgainstCatalog, defaultTemplate, parseMapping, upstreamPlanId } from '../../../server/services/portal/plan-mapping'
import type { BaseAdapter } from '../../../server/providers/base'

const fakeAdapter = (catalog: { plans?: string[], dcs?: string[], templates?: string[] }) => ({
  meta: { displayName: 'Fake' },
  listPlans: async () => (catalog.plans ?? []).map(id => ({ id, name: id })),
  listDatacenters: async () => (catalog.dcs ?? []).map(id => ({ id, name: id })),
  listTemplates: async () => (catalog.templates ?? []).map(id => ({ id, name: id })),
}) as unknown as BaseAdapter

describe('parseMapping', () => {
  it('takes numbers or strings and keeps each provider\'s keys', () => {
    expect(parseMapping('virtfusion', { packageId: 1, hypervisorId: '2', userPolicy: 'per_customer' })).toEqual({ packageId: '1', hypervisorId: '2', userPolicy: 'per_customer' })
    expect(parseMapping('inferno', { pid: 303, ostpl: 'debian12-64-default' })).toEqual({ pid: '303', ostpl: 'debian12-64-default' })
  })

  it('refuses missing, unknown and malformed keys with the field named', () => {
    expect(() => parseMapping('virtfusion', { packageId: '1', hypervisorId: '1', userPolicy: 'fixed' })).toThrow(/mapping\.userId/)
    expect(() => parseMapping('hostinger', { item: 'x', dataCenterId: 'fra', template: '1' })).toThrow(/dataCenterId must be a number/)
    expect(() => parseMapping('virtua', { offer: 'a', system: 'b', pid: '1' })).toThrow(/mapping/)
    expect(() => parseMapping('inferno', {})).toThrow(/mapping\.pid/)
  })

  it('knows the upstream product and the default OS', () => {
    expect(upstreamPlanId('hostinger', { item: 'kvm1-1m' })).toBe('kvm1-1m')
    expect(defaultTemplate('virtua', { offer: 'o', system: 'debian' })).toBe('debian')
    expect(defaultTemplate('virtfusion', { packageId: '1' })).toBeNull()
  })
})

describe('checkMappingAgainstCatalog', () => {
  it('passes when every id exists and names the first missing one otherwise', async () => {
    const a = fakeAdapter({ plans: ['1'], dcs: ['1'], templates: ['7'] })
    await expect(checkMappingAgainstCatalog(a, 'virtfusion', { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' })).resolves.toBeUndefined()
    await expect(checkMappingAgainstCatalog(a, 'virtfusion', { packageId: '9', hypervisorId: '1', userPolicy: 'per_customer' })).rejects.toMatchObject({ statusCode: 400, message: expect.stringMatching(/package "9" \(mapping\.packageId\)/) })
    await expect(checkMappingAgainstCatalog(a, 'hostinger', { item: '1', dataCenterId: '1', template: '8' })).rejects.toMatchObject({ message: expect.stringMatching(/OS template "8"/) })
    await expect(checkMappingAgainstCatalog(a, 'inferno', { pid: '1', ostpl: '7' })).resolves.toBeUndefined()
  })
})
