import { describe, expect, expectTypeOf, it } from 'vitest'
import * as server from '../../../server/providers/types'
import * as shared from '../../../shared/dns/types'

// shared/dns keeps its own copy of the record model (see shared/dns/types.ts); this keeps the two equal.
describe('shared DNS model matches the adapter contract', () => {
  it('has the same record types', () => {
    expect([...shared.DNS_RECORD_TYPES]).toEqual([...server.DNS_RECORD_TYPES])
  })

  it('has the same record shape', () => {
    expectTypeOf<shared.DnsRecord>().toEqualTypeOf<server.DnsRecord>()
    expectTypeOf<shared.DnsRecordType>().toEqualTypeOf<server.DnsRecordType>()
  })
})
