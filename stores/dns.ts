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

import type { AccountError, PlanView, ZoneList, ZoneRow } from '~~/shared/schemas/dns'

export type { PlanView, ZoneRow }

export interface ApiRefusal { error: string, code?: string, plan?: PlanView, destructive?: boolean, errors?: { field?: string, message: string, line?: number, index?: number }[] }

/** The `{ error, code, … }` body of a failed call, whatever $fetch wrapped it in. */
export function refusal(e: unknown): ApiRefusal {
  const data = (e as { data?: ApiRefusal })?.data
  return data && typeof data.error === 'string' ? data : { error: errorMessage(e) }
}

export const zoneApi = (provider: string, domain: string, rest = '') =>
  `/api/hosting/providers/${encodeURIComponent(provider)}/dns/${encodeURIComponent(domain)}${rest}`

export const useDnsStore = defineStore('dns', () => {
  // ---------- zones across accounts ----------
  const zones = ref<ZoneRow[]>([])
  const accountErrors = ref<AccountError[]>([])
  const zonesLoading = ref(false)
  const zonesLoaded = ref(false)
  const zonesError = ref('')

  async function loadZones() {
    zonesLoading.value = true
    zonesError.value = ''
    try {
      const res = await $fetch<ZoneList>('/api/dns/zones')
      zones.value = res.zones
      accountErrors.value = res.errors
      zonesLoaded.value = true
    }
    catch (e) { zonesError.value = errorMessage(e) }
    finally { zonesLoading.value = false }
  }

  // ---------- one zone ----------
  const provider = ref('')
  const domain = ref('')
  const records = ref<DnsRecord[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
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

  async function open(p: string, d: string) {
    if (provider.value !== p || domain.value !== d) {
      provider.value = p
      domain.value = d
      records.value = []
      loaded.value = false
      discard()
    }
    await reload()
  }

  async function reload() {
    loading.value = true
    error.value = ''
    try {
      records.value = await $fetch<DnsRecord[]>(zoneApi(provider.value, domain.value))
      loaded.value = true
    }
    catch (e) { error.value = errorMessage(e) }
    finally { loading.value = false }
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
  async function apply(force = false): Promise<{ ok: true, plan: PlanView } | { ok: false, refusal: ApiRefusal }> {
    const writes = rrsetWrites(plan.value, desired.value, domain.value)
    applying.value = true
    try {
      const res = await $fetch<{ plan: PlanView }>(zoneApi(provider.value, domain.value), {
        method: 'PUT',
        body: { records: writes.put, overwrite: true, delete: writes.delete, force },
      })
      discard()
      await reload()
      return { ok: true, plan: res.plan }
    }
    catch (e) { return { ok: false, refusal: refusal(e) } }
    finally { applying.value = false }
  }

  return {
    zones, accountErrors, zonesLoading, zonesLoaded, zonesError, loadZones,
    provider, domain, records, loading, loaded, error, applying, pending, desired, plan, hasPending,
    open, reload, discard, stageAdd, stageEdit, stageDelete, unstage, apply,
  }
})
