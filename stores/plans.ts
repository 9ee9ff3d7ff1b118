/** Plans: admins manage them, customers pick one to order. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AdminPlan, CustomerPlan } from '~/utils/orders'

export const usePlansStore = defineStore('plans', () => {
  const items = ref<(AdminPlan | CustomerPlan)[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      items.value = await $fetch<(AdminPlan | CustomerPlan)[]>('/api/plans')
      loaded.value = true
    }
    catch (e) { error.value = errorMessage(e) }
    finally { loading.value = false }
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

  return { items, loading, loaded, error, load, save, setRetired }
})
