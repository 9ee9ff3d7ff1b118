/**
 * DNS: the zones across accounts, and the record editor of one zone. Edits pile up locally
 * (adds, edits, deletions); the tray shows their plan against the zone as it was loaded, and
 * Apply sends them as one PUT (whole name+type sets with `overwrite`, emptied sets in `delete`),
 * so the server plans the same diff against the live zone.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { isEmptyPlan, planChanges, type DnsPlan } from '~~/shared/dns/plan'
import { harmonizeTtls, rrsetWrites } from '~~/shared/dns/rrset'
import type { DnsRecord } from '~~/shared/dns/types'

import type { AccountError, DnsChangeAnswer, PlanView, SnapshotList, ZoneList, ZoneRow } from '~~/shared/schemas/dns'
import type { OwnerRef } from '~~/shared/schemas/common'

/** What a DNS refusal carries beside `error` and `code` (read with apiError<DnsErrorDetails>(e)). */
export interface DnsErrorDetails { plan: PlanView, destructive: boolean, errors: { field?: string, message: string, line?: number, index?: number, code?: string, params?: Record<string, string> }[] }

/**
 * Where a zone is: on its account (admins' pages, the seed routes), or by its name alone (a
 * customer's zone list carries no account: white label; the server finds it).
 */
export interface ZoneAddress { provider?: string, domain: string }

export const zoneApi = (at: ZoneAddress, rest = '') => at.provider
  ? `/api/hosting/providers/${encodeURIComponent(at.provider)}/dns/${encodeURIComponent(at.domain)}${rest}`
  : `/api/dns/${encodeURIComponent(at.domain)}${rest}`

/** The zone's editor page: `/dns/{provider}/{domain}`, or `/dns/{domain}` by name. */
export const zonePage = (at: ZoneAddress) => at.provider
  ? `/dns/${encodeURIComponent(at.provider)}/${encodeURIComponent(at.domain)}`
  : `/dns/${encodeURIComponent(at.domain)}`

export const useDnsStore = defineStore('dns', () => {
  // ---------- zones across accounts ----------
  const zones = ref<ZoneRow[]>([])
  const accountErrors = ref<AccountError[]>([])
  const { busy: zonesLoading, error: zonesError, run: runZones } = useAsyncAction()
  const zonesLoaded = ref(false)

  async function loadZones() {
    await runZones(async () => {
      const res = await $fetch<ZoneList>('/api/dns/zones')
      zones.value = res.zones
      accountErrors.value = res.errors
      zonesLoaded.value = true
    })
  }

  // ---------- one zone ----------
  const provider = ref<string | undefined>()
  const domain = ref('')
  const records = ref<DnsRecord[]>([])
  const { busy: loading, error, run: runReload } = useAsyncAction()
  const loaded = ref(false)
  const applying = ref(false)

  /** Local edits, by the live record's id; adds get a local key. */
  const pending = reactive({
    adds: [] as { key: string, record: DnsRecord }[],
    edits: {} as Record<string, DnsRecord>,
    deletes: [] as string[],
  })
  let nextKey = 1

  function discard() {
    pending.adds = []
    pending.edits = {}
    pending.deletes = []
  }

  async function open(at: ZoneAddress) {
    if (provider.value !== at.provider || domain.value !== at.domain) {
      provider.value = at.provider
      domain.value = at.domain
      records.value = []
      loaded.value = false
      discard()
    }
    await reload()
  }

  const here = (): ZoneAddress => ({ provider: provider.value, domain: domain.value })

  async function reload() {
    await runReload(async () => {
      records.value = await $fetch<DnsRecord[]>(zoneApi(here()))
      loaded.value = true
    })
  }

  /** The zone as it will be once the pending edits are applied (one TTL per name+type). */
  const desired = computed<DnsRecord[]>(() => {
    const deleted = new Set(pending.deletes)
    const kept = records.value
      .filter(r => !deleted.has(r.id!))
      .map(r => pending.edits[r.id!] ?? r)
    return harmonizeTtls(records.value, [...kept, ...pending.adds.map(a => a.record)], domain.value)
  })

  const plan = computed<DnsPlan>(() => planChanges(records.value, desired.value, { zone: domain.value }))
  const hasPending = computed(() => !isEmptyPlan(plan.value))

  function stageAdd(record: DnsRecord) {
    pending.adds.push({ key: `new-${nextKey++}`, record })
  }
  function stageEdit(id: string, record: DnsRecord) {
    pending.edits = { ...pending.edits, [id]: { ...record, id } }
  }
  function stageDelete(ids: string[]) {
    pending.deletes = [...new Set([...pending.deletes, ...ids])]
  }
  function unstage(key: string) {
    pending.adds = pending.adds.filter(a => a.key !== key)
    pending.deletes = pending.deletes.filter(id => id !== key)
    const { [key]: _gone, ...rest } = pending.edits
    pending.edits = rest
  }

  /**
   * Sends the pending edits. Resolves with the applied plan, or with the server's refusal
   * (`unsafe_change` carries the plan `force` would apply); never throws.
   */
  async function apply(force = false): Promise<{ ok: true, plan: PlanView } | { ok: false, refusal: ApiError<DnsErrorDetails> }> {
    const writes = rrsetWrites(plan.value, desired.value, domain.value)
    applying.value = true
    try {
      const res = await $fetch<{ plan: PlanView }>(zoneApi(here()), {
        method: 'PUT',
        body: { records: writes.put, overwrite: true, delete: writes.delete, force },
      })
      discard()
      await reload()
      return { ok: true, plan: res.plan }
    }
    catch (e) { return { ok: false, refusal: apiError<DnsErrorDetails>(e) } }
    finally { applying.value = false }
  }

  // ---------- history, zone files, reset, assignment: answers for the caller to show ----------
  const snapshots = (at: ZoneAddress) => $fetch<SnapshotList>(zoneApi(at, '/snapshots'))

  /** A planned zone write: `dryRun` asks for the plan only (`?dry_run=1`). */
  const zoneWrite = (at: ZoneAddress, path: string, body: Record<string, unknown>, dryRun = false) =>
    $fetch<DnsChangeAnswer>(zoneApi(at, `${path}${dryRun ? '?dry_run=1' : ''}`), { method: 'POST', body })

  const previewRestore = (at: ZoneAddress, id: string) => zoneWrite(at, `/snapshots/${encodeURIComponent(id)}/restore`, {}, true)
  const restore = (at: ZoneAddress, id: string, force: boolean) => zoneWrite(at, `/snapshots/${encodeURIComponent(id)}/restore`, { force })
  const previewReset = (at: ZoneAddress) => zoneWrite(at, '/reset', {}, true)
  const reset = (at: ZoneAddress, force: boolean) => zoneWrite(at, '/reset', { force })
  const importZone = (at: ZoneAddress, file: { zone_file: string, mode: 'merge' | 'replace' }, opts: { dryRun: boolean, force?: boolean }) =>
    zoneWrite(at, '/import', { ...file, dry_run: opts.dryRun, force: opts.force ?? false })

  /** Gives a zone to a customer (null takes it back); resolves with the new owner, or null. */
  async function assign(zone: Required<ZoneAddress>, ownerId: string | null): Promise<Pick<OwnerRef, 'name'> | null> {
    const path = `/api/dns/zones/${encodeURIComponent(zone.provider)}/${encodeURIComponent(zone.domain)}/assignment`
    if (!ownerId) {
      await $fetch(path, { method: 'DELETE' })
      return null
    }
    return (await $fetch<{ owner: OwnerRef }>(path, { method: 'PUT', body: { owner_id: ownerId } })).owner
  }

  return {
    zones, accountErrors, zonesLoading, zonesLoaded, zonesError, loadZones,
    provider, domain, records, loading, loaded, error, applying, pending, desired, plan, hasPending,
    open, reload, discard, stageAdd, stageEdit, stageDelete, unstage, apply,
    snapshots, previewRestore, restore, previewReset, reset, importZone, assign,
  }
})
