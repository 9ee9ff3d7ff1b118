/** The merge (PUT without overwrite, import in merge mode) is linear and still means the same. */
import { describe, expect, it } from 'vitest'
import { recordKey } from '../../../shared/dns/normalize'
import { applyOperations, isEmptyPlan, planChanges } from '../../../shared/dns/plan'
import type { DnsRecord } from '../../../shared/dns/types'

const zone = 'example.com'

/** The former implementation (a findIndex per record), as the reference meaning. */
function mergeReference(current: DnsRecord[], records: DnsRecord[]): DnsRecord[] {
  const out = [...current]
  for (const record of records) {
    const at = out.findIndex(r => recordKey(r, zone) === recordKey(record, zone))
    if (at >= 0) out[at] = record
    else out.push(record)
  }
  return out
}

const a = (name: string, ip: string, ttl = 3600): DnsRecord => ({ type: 'A', name, content: ip, ttl })

describe('merge', () => {
  it('means what the findIndex version meant, duplicates and repeated keys included', () => {
    let seed = 7
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    for (let round = 0; round < 50; round++) {
      const current = Array.from({ length: rnd(12) }, () => a(`h${rnd(4)}`, `192.0.2.${rnd(3)}`, 300 * (1 + rnd(2))))
      const incoming = Array.from({ length: rnd(12) }, () => a(`h${rnd(4)}`, `192.0.2.${rnd(3)}`, 300 * (1 + rnd(2))))
      expect(applyOperations(current, { op: 'put', records: incoming, overwrite: false }, { zone })).toEqual(mergeReference(current, incoming))
    }
  })

  it('merges an unchanged 5,000-record zone into itself: nothing to do', () => {
    const records = Array.from({ length: 5000 }, (_, i) => a(`h${i}`, `10.0.${(i >> 8) & 255}.${i & 255}`))
    const desired = applyOperations(records, { op: 'put', records, overwrite: false }, { zone })
    expect(desired).toEqual(records)
    expect(isEmptyPlan(planChanges(records, desired, { zone }))).toBe(true)
  })
})
