/**
 * A DNS plan's one-line summary ("1 to add, 2 to change (9 unchanged)") in the chosen language,
 * from the plan's counts: the API's own `summary` is English.
 */
interface PlanCounts { adds: unknown[], changes: unknown[], deletes: unknown[], unchanged: number | unknown[] }

export function useDnsPlanSummary() {
  const { t } = useI18n()
  return (plan: PlanCounts) => {
    const parts = [
      plan.adds.length ? t('dns.plan.summary.adds', { n: plan.adds.length }) : '',
      plan.changes.length ? t('dns.plan.summary.changes', { n: plan.changes.length }) : '',
      plan.deletes.length ? t('dns.plan.summary.deletes', { n: plan.deletes.length }) : '',
    ].filter(Boolean)
    if (!parts.length) return t('dns.plan.summary.none')
    const unchanged = typeof plan.unchanged === 'number' ? plan.unchanged : plan.unchanged.length
    return t('dns.plan.summary.total', { parts: parts.join(', '), n: unchanged })
  }
}
