/**
 * DNS zones of the Hostinger simulator: records grouped by (name, type) as the API stores them
 * (`DNS.V1.Zone.RecordResource`), each zone with its default records (what reset restores) and
 * its snapshots (taken before every change, as Hostinger does).
 */
import { clone, isoNoMillis } from './dns-http'

export const UPSTREAM_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'ALIAS', 'MX', 'TXT', 'NS', 'SOA', 'SRV', 'CAA'] as const
export type UpstreamRecordType = (typeof UPSTREAM_RECORD_TYPES)[number]

export interface NameRecord { content: string, is_disabled: boolean }
export interface RecordSet { name: string, type: UpstreamRecordType, ttl: number, records: NameRecord[] }
export interface ZoneSnapshot { id: number, reason: string, created_at: string, snapshot: RecordSet[] }
export interface Zone { domain: string, records: RecordSet[], defaults: RecordSet[], snapshots: ZoneSnapshot[] }

export interface HostingerDnsState {
  zones: Map<string, Zone>
  nextSnapshotId: number
}

export const DEFAULT_TTL = 14400
/** Where Hostinger's default zone points a domain before the owner changes it. */
export const PARKING_IPV4 = '2.57.91.91'

const set = (name: string, type: UpstreamRecordType, contents: string[], ttl = DEFAULT_TTL): RecordSet =>
  ({ name, type, ttl, records: contents.map(content => ({ content, is_disabled: false })) })

/** The records a new or reset zone gets. */
export function defaultRecords(domain: string): RecordSet[] {
  return [
    set('@', 'A', [PARKING_IPV4]),
    set('www', 'CNAME', [`${domain}.`], 300),
    set('@', 'MX', ['5 mx1.hostinger.com.', '10 mx2.hostinger.com.']),
    set('@', 'TXT', ['"v=spf1 include:_spf.mail.hostinger.com ~all"'], 3600),
    set('@', 'NS', ['ns1.dns-parking.com.', 'ns2.dns-parking.com.'], 86400),
    set('@', 'CAA', ['0 issue "letsencrypt.org"']),
    set('ftp', 'A', [PARKING_IPV4]),
  ]
}

function seedZones(now: number): Zone[] {
  const day = 86_400_000
  const exampleCom: RecordSet[] = [
    set('@', 'A', ['93.184.216.34']),
    set('@', 'AAAA', ['2606:2800:220:1:248:1893:25c8:1946']),
    set('www', 'CNAME', ['example.com.'], 300),
    set('@', 'MX', ['10 mail.example.com.', '20 backup-mx.example.net.']),
    set('@', 'TXT', ['"v=spf1 include:_spf.mail.hostinger.com ~all"'], 3600),
    set('@', 'NS', ['ns1.dns-parking.com.', 'ns2.dns-parking.com.'], 86400),
    set('@', 'CAA', ['0 issue "letsencrypt.org"']),
    set('_sip._tcp', 'SRV', ['10 60 5060 sip.example.com.'], 3600),
    set('mail', 'A', ['93.184.216.40']),
    set('_dmarc', 'TXT', ['"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"'], 3600),
  ]
  const shop: RecordSet[] = [
    set('@', 'A', ['185.199.108.153']),
    set('www', 'CNAME', ['shop.example.net.'], 300),
    set('@', 'MX', ['10 mx1.hostinger.com.']),
    set('@', 'TXT', ['"v=spf1 include:_spf.mail.hostinger.com -all"'], 3600),
  ]
  const zone = (domain: string, records: RecordSet[], snapshotAt: number, id: number): Zone => ({
    domain,
    records,
    defaults: defaultRecords(domain),
    // One old snapshot each, so a fresh sandbox already has something to list.
    snapshots: [{ id, reason: 'Zone records update request', created_at: isoNoMillis(snapshotAt), snapshot: defaultRecords(domain) }],
  })
  return [
    zone('example.com', exampleCom, now - 30 * day, 5341),
    zone('shop.example.net', shop, now - 3 * day, 5342),
  ]
}

function seed(): HostingerDnsState {
  const zones = new Map<string, Zone>()
  for (const z of seedZones(Date.now())) zones.set(z.domain, z)
  return { zones, nextSnapshotId: 5343 }
}

export function createDnsState(): HostingerDnsState {
  return seed()
}

/** Back to the seed, in place: the routes keep a reference to this object. */
export function resetDnsState(state: HostingerDnsState) {
  Object.assign(state, seed())
}

/** A zone with default records for a domain that has just been registered. */
export function addDefaultZone(state: HostingerDnsState, domain: string) {
  if (state.zones.has(domain)) return
  state.zones.set(domain, { domain, records: defaultRecords(domain), defaults: defaultRecords(domain), snapshots: [] })
}

export function takeSnapshot(state: HostingerDnsState, zone: Zone, reason: string) {
  zone.snapshots.unshift({ id: state.nextSnapshotId++, reason, created_at: isoNoMillis(Date.now()), snapshot: clone(zone.records) })
}
