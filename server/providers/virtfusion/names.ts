/**
 * Names for what a VirtFusion server record gives only as numbers: its OS template
 * (`settings.osTemplateInstallId`) and its package. The record does not name its package, so it
 * is the enabled package whose CPU, memory and primary storage equal the server's. Catalogs are
 * cached per account for a few minutes: they change rarely, and a sync must not re-read them.
 */
import type { OsTemplate, PlanOffer, ServerRecord } from '../types'

export interface NameCatalog { templates: Map<string, string>, plans: PlanOffer[] }

const TTL_MS = 10 * 60_000
const cache = new Map<string, { at: number, catalog: Promise<NameCatalog> }>()

export function cachedCatalog(account: string, load: () => Promise<{ plans: PlanOffer[], templates: OsTemplate[] }>, now = Date.now()): Promise<NameCatalog> {
  const hit = cache.get(account)
  if (hit && now - hit.at < TTL_MS) return hit.catalog
  const catalog = load().then(({ plans, templates }) => ({ plans, templates: new Map(templates.map(t => [t.id, t.name])) }))
  cache.set(account, { at: now, catalog })
  // A failed load is not kept: the next sync tries again.
  catalog.catch(() => { if (cache.get(account)?.catalog === catalog) cache.delete(account) })
  return catalog
}

/** The record with the OS and plan named where the catalog knows them; ids stay in `extra`. */
export function withNames(r: ServerRecord, c: NameCatalog): ServerRecord {
  const templateId = (r.extra as { settings?: { osTemplateInstallId?: unknown } } | undefined)?.settings?.osTemplateInstallId
  const os = templateId ? c.templates.get(String(templateId)) ?? r.os : r.os
  let plan = r.plan
  if (!plan && r.vcpus !== null && r.memoryMb !== null) {
    const same = c.plans.filter(p => p.vcpus === r.vcpus && p.memoryMb === r.memoryMb && (r.diskGb === null || p.diskGb === null || p.diskGb === r.diskGb))
    if (same.length === 1) plan = same[0]!.name
  }
  return { ...r, os, plan }
}
