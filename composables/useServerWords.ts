/**
 * How a server's and a plan's figures read in the chosen language: status words, memory, disk,
 * size lines, prices, data-center names. One place, so the list, the page, the dialogs and the
 * wizard say the same thing.
 */
import type { Datacenter, Plan } from '~/stores/servers'
import type { ProviderFacts } from '~/stores/providerTypes'
import { DEFAULT_REGION_LABEL } from '~~/shared/providers/facts'

/** Providers' billing-period words, as our `server.period.*` keys; others are shown as given. */
const PERIODS: Record<string, string> = {
  daily: 'day', day: 'day', weekly: 'week', week: 'week', monthly: 'month', month: 'month', mo: 'month',
  quarterly: 'quarter', semiannually: 'halfYear', annually: 'year', yearly: 'year', year: 'year',
  biennially: 'twoYears', triennially: 'threeYears', 'one-time': 'oneTime', onetime: 'oneTime',
}

export function useServerWords() {
  const { t } = useI18n()
  const { providerText } = useProviderText()
  const f = useFormat()

  const memory = (mb?: number | null) => {
    if (mb === null || mb === undefined) return t('common.none')
    return mb >= 1024
      ? t('server.unit.gb', { n: f.number(+(mb / 1024).toFixed(1)) })
      : t('server.unit.mb', { n: f.number(mb) })
  }
  const disk = (gb?: number | null) => (gb === null || gb === undefined ? t('common.none') : t('server.unit.gb', { n: f.number(gb) }))
  const vcpus = (n: number) => t('server.unit.vcpu', { n })
  /** "2 vCPU · 4 GB · 80 GB", for the inventory's rows. */
  const size = (s: { vcpus?: number | null, memory_mb?: number | null, disk_gb?: number | null }) =>
    [s.vcpus ? vcpus(s.vcpus) : '', s.memory_mb ? memory(s.memory_mb) : '', s.disk_gb ? disk(s.disk_gb) : ''].filter(Boolean).join(' · ') || t('common.none')
  /** "2 vCPU · 4 GB · 80 GB disk · EU", for choosing a plan. */
  const describePlan = (p: Plan) =>
    [p.vcpus ? vcpus(p.vcpus) : '', p.memory_mb ? memory(p.memory_mb) : '', p.disk_gb ? t('server.unit.diskGb', { n: f.number(p.disk_gb) }) : '', p.region ?? '']
      .filter(Boolean).join(' · ')
  const price = (p: Pick<Plan, 'price' | 'currency' | 'period'>) => {
    if (p.price === null || p.price === undefined) return ''
    const amount = p.currency ? f.money(p.price, p.currency) : f.number(p.price)
    if (!p.period) return amount
    const known = PERIODS[p.period.trim().toLowerCase()]
    return t('server.unit.pricePer', { price: amount, period: known ? t(`server.period.${known}`) : p.period })
  }
  const dcLabel = (d: Datacenter) => [d.name, d.location, d.country].filter(Boolean).join(' · ')
  /** Our word for a status (never the provider's: that one is a detail, `rawTitle`). */
  const status = (s: string) => t(statusLook(s).key)
  // The provider's own word names the provider (white label): admins only.
  const { user } = useUserSession()
  const seesProvider = computed(() => user.value?.role === 'admin')
  const rawTitle = (raw: string | null | undefined) => (raw && seesProvider.value ? t('status.providerStatus', { raw }) : undefined)
  const rawWord = (raw: string | null | undefined) => (seesProvider.value ? raw ?? null : null)

  /** What the provider calls the place ("Hypervisor group"); the plain "Region" in our words. */
  const regionLabel = (facts: ProviderFacts | undefined) => {
    const own = facts?.region
    return own && own.label !== DEFAULT_REGION_LABEL ? providerText(own.label, own.label_key)! : t('server.field.region')
  }

  return { memory, disk, vcpus, size, describePlan, price, dcLabel, status, rawTitle, rawWord, regionLabel }
}
