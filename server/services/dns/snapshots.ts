/**
 * Zone history: our own copies (`dns_snapshots`, taken before every change we apply, with the
 * reason and who asked) next to the provider's snapshots where it keeps them. Ids carry their
 * source ("panel-<uuid>", "provider-<id>") so one restore route serves both.
 */
import { and, desc, eq } from 'drizzle-orm'
import type { DnsRecord } from '#shared/dns/types'
import { useDb } from '#server/db/client'
import { dnsSnapshots, users } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { isProviderError } from '#server/providers/errors'
import type { ZoneContext } from './access'

import type { SnapshotView } from '#shared/schemas/dns'

const PANEL = 'panel-'
const PROVIDER = 'provider-'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Records as we store them: without the per-read ids. */
function stored(records: DnsRecord[]): DnsRecord[] {
  return records.map(({ id: _id, ...r }) => r)
}

export async function saveSnapshot(ctx: ZoneContext, records: DnsRecord[], reason: string): Promise<string> {
  const db = await useDb()
  const [row] = await db.insert(dnsSnapshots).values({
    accountId: ctx.account.id, domain: ctx.domain, reason, records: stored(records), recordCount: records.length, createdBy: ctx.user.id,
  }).returning({ id: dnsSnapshots.id })
  return `${PANEL}${row!.id}`
}

export async function listSnapshots(ctx: ZoneContext): Promise<{ snapshots: SnapshotView[], provider_error?: string }> {
  const db = await useDb()
  // Not the records themselves: the count is stored, so a 5,000-record zone's history lists fast.
  const rows = await db.select({
    s: { id: dnsSnapshots.id, reason: dnsSnapshots.reason, createdAt: dnsSnapshots.createdAt, createdBy: dnsSnapshots.createdBy, recordCount: dnsSnapshots.recordCount },
    userName: users.name,
  }).from(dnsSnapshots)
    .leftJoin(users, eq(users.id, dnsSnapshots.createdBy))
    .where(and(eq(dnsSnapshots.accountId, ctx.account.id), eq(dnsSnapshots.domain, ctx.domain)))
    .orderBy(desc(dnsSnapshots.createdAt))
    .limit(200)
  const ours: SnapshotView[] = rows.map(({ s, userName }) => ({
    id: `${PANEL}${s.id}`,
    source: 'panel',
    reason: s.reason,
    created_at: s.createdAt.toISOString(),
    created_by: s.createdBy ? { id: s.createdBy, name: userName ?? 'deleted user' } : null,
    record_count: s.recordCount,
  }))

  let theirs: SnapshotView[] = []
  let providerError: string | undefined
  try {
    theirs = (await ctx.adapter.listDnsSnapshots(ctx.domain)).map(s => ({
      id: `${PROVIDER}${s.id}`,
      source: 'provider',
      reason: s.reason,
      created_at: new Date(s.createdAt).toISOString(),
      created_by: null,
      record_count: s.records ? s.records.length : null,
    }))
  }
  catch (e) {
    // A provider without snapshots simply has none; any other failure still shows ours.
    if (!(isProviderError(e) && e.code === 'not_supported')) providerError = isProviderError(e) ? e.message : 'The provider\'s snapshots could not be read'
  }
  const snapshots = [...ours, ...theirs].sort((a, b) => b.created_at.localeCompare(a.created_at))
  return providerError ? { snapshots, provider_error: providerError } : { snapshots }
}

/** The records a snapshot holds, and a label for the reason of the restore. */
export async function snapshotRecords(ctx: ZoneContext, id: string): Promise<{ records: DnsRecord[], label: string }> {
  const notFound = () => httpError(404, `No snapshot ${id} for ${ctx.domain}`, 'snapshot_not_found')
  if (id.startsWith(PANEL)) {
    const uuid = id.slice(PANEL.length)
    if (!UUID.test(uuid)) throw notFound()
    const db = await useDb()
    const [row] = await db.select().from(dnsSnapshots)
      .where(and(eq(dnsSnapshots.id, uuid), eq(dnsSnapshots.accountId, ctx.account.id), eq(dnsSnapshots.domain, ctx.domain)))
    if (!row) throw notFound()
    return { records: row.records as DnsRecord[], label: `our snapshot of ${row.createdAt.toISOString()}` }
  }
  if (id.startsWith(PROVIDER)) {
    const snap = await ctx.adapter.getDnsSnapshot(ctx.domain, id.slice(PROVIDER.length))
    if (!snap.records) throw httpError(502, `The provider answered snapshot ${id} without its records`, 'bad_response')
    return { records: snap.records, label: `provider snapshot ${snap.id} of ${snap.createdAt}` }
  }
  throw notFound()
}
