import { describe, expect, it } from 'vitest'
import { applyOperations, planChanges } from '../../../shared/dns/plan'
import { harmonizeTtls, rrsetWrites } from '../../../shared/dns/rrset'
import { rec } from './helpers'

const zone = 'example.com'
const current = [
  rec('A', '@', '192.0.2.1', { id: '@/A/0' }),
  rec('MX', '@', 'mx1.example.net', { priority: 10, ttl: 14400, id: '@/MX/0' }),
  rec('MX', '@', 'mx2.example.net', { priority: 20, ttl: 14400, id: '@/MX/1' }),
  rec('A', 'ftp', '192.0.2.2', { id: 'ftp/A/0' }),
]

describe('harmonizeTtls', () => {
  it('gives a whole name+type set the TTL of the record added last', () => {
    const desired = applyOperations(current, { op: 'add', record: rec('MX', '@', 'mx3.example.net', { priority: 30, ttl: 600 }) }, { zone })
    const out = harmonizeTtls(current, desired, zone)
    expect(out.filter(r => r.type === 'MX').map(r => r.ttl)).toEqual([600, 600, 600])
    // The plan says so: the siblings change TTL, nothing is silent.
    const plan = planChanges(current, out, { zone })
    expect(plan.adds).toHaveLength(1)
    expect(plan.changes.map(c => [c.before.ttl, c.after.ttl])).toEqual([[14400, 600], [14400, 600]])
  })

  it('leaves sets with one TTL alone (same objects)', () => {
    expect(harmonizeTtls(current, current, zone)).toBe(current)
  })
})

describe('rrsetWrites', () => {
  it('rewrites only the touched sets, whole, and deletes emptied ones', () => {
    const desired = applyOperations(current, [{ op: 'delete', name: 'ftp', type: 'A' }, { op: 'put', overwrite: true, records: [rec('MX', '@', 'mx1.example.net', { priority: 5, ttl: 14400 }), rec('MX', '@', 'mx2.example.net', { priority: 20, ttl: 14400 })] }], { zone })
    const plan = planChanges(current, desired, { zone })
    const w = rrsetWrites(plan, desired, zone)
    expect(w.delete).toEqual([{ name: 'ftp', type: 'A' }])
    expect(w.put.map(r => `${r.type} ${r.priority} ${r.content}`).sort()).toEqual(['MX 20 mx2.example.net', 'MX 5 mx1.example.net'])
    expect(w.put.every(r => r.id === undefined)).toBe(true)
  })

  it('writes nothing for an empty plan', () => {
    const plan = planChanges(current, current, { zone })
    expect(rrsetWrites(plan, current, zone)).toEqual({ put: [], delete: [] })
  })
})
