// Placeholder until the hostinger adapter lands (DNS and domains delegated for their tests).
import { BaseAdapter } from '../base'
import type { ProviderDefinition } from '../registry'
import type { CapabilityMap, DnsRecord, DomainPurchaseInput, ProviderMetadata } from '../types'
import { CAPABILITY_GROUPS } from '../types'
import { hostingerDns } from './dns'
import { hostingerDomains } from './domains'

const capabilities = Object.fromEntries(CAPABILITY_GROUPS.map(g => [g, { supported: false }])) as CapabilityMap
const meta: ProviderMetadata = {
  type: 'hostinger',
  displayName: 'Hostinger',
  credentials: [{ key: 'api_key', label: 'API key', required: true }],
  settings: [{ key: 'base_url', label: 'API base URL', type: 'url', default: 'https://developers.hostinger.com' }],
  capabilities,
}

class HostingerAdapter extends BaseAdapter {
  private readonly dns = hostingerDns(this.http, this.meta.displayName)
  private readonly domains = hostingerDomains(this.http, this.meta.displayName)

  async testConnection() { await this.http.get('/'); return { message: 'Hostinger connection successful' } }

  getDnsZone(domain: string) { return this.dns.getDnsZone(domain) }
  validateDnsRecords(domain: string, records: DnsRecord[], overwrite: boolean) { return this.dns.validateDnsRecords(domain, records, overwrite) }
  updateDnsRecords(domain: string, records: DnsRecord[], overwrite: boolean) { return this.dns.updateDnsRecords(domain, records, overwrite) }
  deleteDnsRecords(domain: string, filters: { name: string, type: string }[]) { return this.dns.deleteDnsRecords(domain, filters) }
  resetDnsZone(domain: string) { return this.dns.resetDnsZone(domain) }
  listDnsSnapshots(domain: string) { return this.dns.listDnsSnapshots(domain) }
  getDnsSnapshot(domain: string, id: string) { return this.dns.getDnsSnapshot(domain, id) }
  restoreDnsSnapshot(domain: string, id: string) { return this.dns.restoreDnsSnapshot(domain, id) }

  listDomains() { return this.domains.listDomains() }
  getDomain(domain: string) { return this.domains.getDomain(domain) }
  checkDomains(names: string[]) { return this.domains.checkDomains(names) }
  purchaseDomain(input: DomainPurchaseInput) { return this.domains.purchaseDomain(input) }
  setNameservers(domain: string, ns: string[]) { return this.domains.setNameservers(domain, ns) }
  setDomainLock(domain: string, on: boolean) { return this.domains.setDomainLock(domain, on) }
  setDomainPrivacy(domain: string, on: boolean) { return this.domains.setDomainPrivacy(domain, on) }
}

export const hostinger: ProviderDefinition = {
  meta,
  httpOptions: (c, s) => ({ baseUrl: String(s.base_url ?? ''), headers: { Authorization: `Bearer ${c.apiKey}` } }),
  createAdapter: ctx => new HostingerAdapter(meta, ctx),
}
