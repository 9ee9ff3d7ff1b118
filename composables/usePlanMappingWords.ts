/**
 * A plan's provider product in words, from the provider's plan-mapping facts: each field by its
 * label, a catalog id by the name the account's catalog gives it ("Package: VPS Small · Hypervisor
 * group: London"), a choice by its label. Raw keys and ids show only where nothing better is known.
 */
import { usePlansStore } from '~/stores/plans'
import { useProviderTypesStore } from '~/stores/providerTypes'
import type { AdminPlan, CatalogOption, PlanCatalog } from '~/utils/orders'

export function usePlanMappingWords() {
  const { t } = useI18n()
  const { providerText } = useProviderText()
  const kinds = useProviderTypesStore()
  const plans = usePlansStore()
  /** Each account's catalog, read once per page (a failed read leaves the ids). */
  const catalogs = reactive<Record<string, PlanCatalog | null>>({})
  onMounted(() => kinds.load())

  async function loadCatalogs(slugs: string[]) {
    await Promise.all([...new Set(slugs)].filter(s => !(s in catalogs)).map(async (slug) => {
      catalogs[slug] = null
      try { catalogs[slug] = await plans.catalog(slug) }
      catch { /* The ids stay. */ }
    }))
  }

  function describe(p: AdminPlan): string {
    const fields = kinds.facts(p.account.type)?.plan_mapping.fields
    if (!fields) return Object.entries(p.mapping).map(([k, v]) => t('plan.mapping.item', { label: k, value: v })).join(' · ')
    const valueOf = (key: string) => p.mapping[key] ?? fields.find(f => f.key === key)?.default
    const catalog = catalogs[p.account.slug]
    return fields
      .filter(f => !f.when || valueOf(f.when.key) === f.when.value)
      .flatMap((f) => {
        const v = valueOf(f.key)
        if (v === undefined || v === '') return []
        let value = v
        if (f.catalog) {
          const list: CatalogOption[] = catalog?.[f.catalog.list] ?? []
          const found = list.find(o => String(o.id) === v)
          value = found ? found.name : catalog ? t('plan.mapping.notInCatalog', { id: v }) : v
        }
        else if (f.kind === 'choice') value = (c => (c ? providerText(c.label, c.label_key)! : v))(f.choices?.find(c => c.value === v))
        return [t('plan.mapping.item', { label: providerText(f.label, f.label_key)!, value })]
      })
      .join(' · ')
  }

  return { loadCatalogs, describe }
}
