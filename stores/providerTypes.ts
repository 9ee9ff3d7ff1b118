/**
 * Each provider kind's facts (fields, rules, look), loaded once from
 * GET /api/hosting/provider-facts: the pages read what a provider allows from here instead of
 * knowing providers by name.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ProviderFacts, ProviderFactsEntry, ProviderLook } from '~~/shared/providers/facts'
import { registerIcons } from '~/utils/icons/registry'

export type { PlanMappingField, ProviderFacts } from '~~/shared/providers/facts'

const UNKNOWN_LOOK = { color: 'grey', icon: 'mdi-server' }

export const useProviderTypesStore = defineStore('providerTypes', () => {
  const entries = ref<ProviderFactsEntry[]>([])
  const loaded = ref(false)
  let loading: Promise<void> | null = null

  /** Loads once; a failed load is tried again on the next call. */
  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    loading ??= $fetch<ProviderFactsEntry[]>('/api/hosting/provider-facts')
      .then((list) => {
        // The browser bundles only the icons it names itself: a provider's comes with its facts.
        registerIcons(Object.fromEntries(list.map(e => [e.facts.look.icon, e.facts.look.icon_path])))
        entries.value = list
        loaded.value = true
      })
      .catch(() => { /* Signed out, or offline: the pages fall back to offering less. */ })
      .finally(() => { loading = null })
    return loading
  }

  const byType = computed(() => new Map(entries.value.map(e => [e.type, e])))
  /** The provider's facts; undefined until loaded (the shared rules then offer the least). */
  const facts = (type: string | null | undefined): ProviderFacts | undefined => (type ? byType.value.get(type)?.facts : undefined)
  const look = (type: string): Pick<ProviderLook, 'label' | 'color' | 'icon'> => facts(type)?.look ?? { ...UNKNOWN_LOOK, label: type }
  /** Every provider kind, as filter choices. */
  const kinds = computed(() => entries.value.map(e => ({ value: e.type, title: e.facts.look.label })))

  return { entries, loaded, load, facts, look, kinds }
})
