/**
 * Hostinger DNS (`/api/dns/v1`): the BaseAdapter DNS methods, for the adapter to delegate to.
 *
 * Retry safety: validate is a pure check; DELETE by filters, reset and restore leave the same zone
 * however often they run; PUT with overwrite replaces whole name/type groups. An appending PUT
 * (overwrite=false) is the one write not marked idempotent: a retry would take another snapshot
 * and could re-add a record the first attempt added and someone removed since.
 */
import { providerError } from '../errors'
import type { HttpClient } from '../http'
import type { DnsRecord, DnsSnapshot } from '../types'
import { relativeName, toDnsRecords, toDnsSnapshot, toZoneInput, type UpstreamRecordSet, type UpstreamSnapshot } from './dns-mappers'

const zonePath = (domain: string) => `/api/dns/v1/zones/${encodeURIComponent(normalizeDomain(domain))}`
const snapshotsPath = (domain: string) => `/api/dns/v1/snapshots/${encodeURIComponent(normalizeDomain(domain))}`

export function normalizeDomain(domain: string) {
  return domain.trim().toLowerCase().replace(/\.$/, '')
}

export function hostingerDns(http: HttpClient, displayName = 'Hostinger') {
  function expectArray<T>(data: unknown, what: string): T[] {
    if (!Array.isArray(data)) throw providerError(displayName, 'bad_response', `${displayName} answered ${what} with something that is not a list`)
    return data as T[]
  }

  function updateBody(domain: string, records: DnsRecord[], overwrite: boolean) {
    return { overwrite, zone: toZoneInput(normalizeDomain(domain), records) }
  }

  async function validate(domain: string, records: DnsRecord[], overwrite: boolean) {
    await http.request({ method: 'POST', path: `${zonePath(domain)}/validate`, json: updateBody(domain, records, overwrite), idempotent: true })
  }

  return {
    async getDnsZone(domain: string): Promise<DnsRecord[]> {
      const data = await http.get(zonePath(domain))
      return toDnsRecords(expectArray<UpstreamRecordSet>(data, 'the DNS zone'))
    },

    /** Resolves when Hostinger accepts the records; a refusal is an `invalid_request` with its message. */
    async validateDnsRecords(domain: string, records: DnsRecord[], overwrite: boolean): Promise<void> {
      if (!records.length) return
      await validate(domain, records, overwrite)
    },

    /**
     * Validates first (nothing is written, and no snapshot taken, if Hostinger refuses), then writes.
     * `overwrite` replaces the records of each name+type given; other records stay.
     * `validated`: the caller has just had these exact records validated (the DNS change flow
     * does, before its snapshot): skip the second, identical /validate call.
     */
    async updateDnsRecords(domain: string, records: DnsRecord[], overwrite: boolean, opts: { validated?: boolean } = {}): Promise<void> {
      if (!records.length) return
      if (!opts.validated) await validate(domain, records, overwrite)
      await http.request({ method: 'PUT', path: zonePath(domain), json: updateBody(domain, records, overwrite), idempotent: overwrite })
    },

    async deleteDnsRecords(domain: string, filters: { name: string, type: string }[]): Promise<void> {
      if (!filters.length) return
      const d = normalizeDomain(domain)
      const body = { filters: filters.map(f => ({ name: relativeName(d, f.name), type: f.type.toUpperCase() })) }
      await http.request({ method: 'DELETE', path: zonePath(domain), json: body, idempotent: true })
    },

    /** Back to Hostinger's default records, e-mail records included. */
    async resetDnsZone(domain: string): Promise<void> {
      await http.request({ method: 'POST', path: `${zonePath(domain)}/reset`, json: { sync: true, reset_email_records: true }, idempotent: true })
    },

    /** Newest first, as Hostinger lists them; without records (read one snapshot for those). */
    async listDnsSnapshots(domain: string): Promise<DnsSnapshot[]> {
      const data = await http.get(snapshotsPath(domain))
      return expectArray<UpstreamSnapshot>(data, 'the snapshot list').map(toDnsSnapshot)
    },

    async getDnsSnapshot(domain: string, id: string): Promise<DnsSnapshot> {
      const data = await http.get<UpstreamSnapshot>(`${snapshotsPath(domain)}/${encodeURIComponent(id)}`)
      if (!data || typeof data !== 'object' || data.id === undefined) {
        throw providerError(displayName, 'bad_response', `${displayName} answered snapshot ${id} without its id`)
      }
      return toDnsSnapshot(data)
    },

    async restoreDnsSnapshot(domain: string, id: string): Promise<void> {
      await http.request({ method: 'POST', path: `${snapshotsPath(domain)}/${encodeURIComponent(id)}/restore`, idempotent: true })
    },
  }
}
