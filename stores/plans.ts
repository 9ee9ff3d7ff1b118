/** Plans: admins manage them, customers pick one to order. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AdminPlan, CustomerPlan, PlanCatalog, PlanTemplate } from '~/utils/orders'

export const usePlansStore = defineStore('plans', () => {
  const items = ref<(AdminPlan | CustomerPlan)[]>([])
  const { busy: loading, error, run: runLoad } = useAsyncAction()
  const loaded = ref(false)

  async function load() {
    await runLoad(async () => {
      items.value = await $fetch<(AdminPlan | CustomerPlan)[]>('/api/plans')
      loaded.value = true
    })
  }

  async function save(id: string | null, body: Record<string, unknown>) {
    const plan = id
      ? await $fetch<AdminPlan>(`/api/plans/${id}`, { method: 'PATCH', body })
      : await $fetch<AdminPlan>('/api/plans', { method: 'POST', body })
    await load()
    return plan
  }

  async function setRetired(id: string, retired: boolean) {
    await $fetch<AdminPlan>(`/api/plans/${id}`, { method: 'PATCH', body: { retired } })
    await load()
  }

  /** The OS templates a customer may choose for a plan. */
  const templates = (id: string) => $fetch<PlanTemplate[]>(`/api/plans/${id}/templates`)

  /** An account's plans, data centers and templates, for mapping a plan (`plan`: the product chosen, where templates depend on it). */
  const catalog = (account: string, plan?: string) => $fetch<PlanCatalog>('/api/plans/catalog', { query: { account, ...(plan ? { plan } : {}) } })

  return { items, loading, loaded, error, load, save, setRetired, templates, catalog }
})
