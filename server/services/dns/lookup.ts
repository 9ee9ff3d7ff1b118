/**
 * Which of our zones holds a host name: the longest of its suffixes that a DNS account serves
 * (its domains, or a zone assigned to a customer there). Used to check a name against our own
 * records before asking the world. The zone's records are read on our side whoever asks; only a
 * caller who may edit the zone (an admin, or the customer it is assigned to) learns which it is.
 */
import { normalizeZone } from '#shared/dns/names'
import type { DnsRecord } from '#shared/dns/types'
import { asc } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { providerAccounts, zoneAssignments, type ProviderAccount, type User } from '#server/db/schema'
import { isProviderError } from '#server/providers/errors'
import { getDefinition } from '#server/providers/registry'
import { adapterFor } from '../provider-accounts'

export interface HostedZone {
  provider: string
  domain: string
  /** The host name relative to the zone ("@" for the zone itself), lower case. */
  name: string
  records: DnsRecord[]
  editable: boolean
}

const dnsCapable = (a: ProviderAccount) => getDefinition(a.type)?.meta.capabilities.dns?.supported === true

/** `mail.example.com` → [mail.example.com, example.com] (never a bare top-level domain). */
function suffixes(host: string): string[] {
  const labels = host.split('.')
  const out: string[] = []
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'))
  return out
}

export async function findHostedZone(user: Pick<User, 'id' | 'role'>, host: string): Promise<HostedZone | null> {
  const name = normalizeZone(host)
  const wanted = suffixes(name)
  const db = await useDb()
  // Oldest account first: when two accounts serve the same zone, the answer does not depend on row order.
  const accounts = (await db.select().from(providerAccounts).orderBy(asc(providerAccounts.createdAt), asc(providerAccounts.id))).filter(dnsCapable)
  const assigned = await db.select().from(zoneAssignments)
  let best: { account: ProviderAccount, zone: string } | null = null
  for (const account of accounts) {
    const zones = new Set(assigned.filter(a => a.accountId === account.id).map(a => a.domain))
    try { for (const d of await adapterFor(account).listDomains()) zones.add(d.name.toLowerCase()) }
    catch (e) {
      // One account that cannot answer must not hide the others' zones.
      if (!isProviderError(e)) throw e
    }
    const zone = wanted.find(z => zones.has(z))
    if (zone && (!best || zone.length > best.zone.length)) best = { account, zone }
  }
  if (!best) return null
  let records: DnsRecord[]
  try { records = await adapterFor(best.account).getDnsZone(best.zone) }
  catch (e) {
    if (!isProviderError(e)) throw e
    return null
  }
  const editable = user.role === 'admin' || assigned.some(a => a.accountId === best.account.id && a.domain === best.zone && a.ownerId === user.id)
  const rel = name === best.zone ? '@' : name.slice(0, -(best.zone.length + 1))
  return { provider: best.account.slug, domain: best.zone, name: rel, records: records.map(r => ({ ...r, name: r.name.toLowerCase() })), editable }
}
