/** Orders: the list, and one order followed live while it provisions. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Order, OrderStatus } from '~/utils/orders'

export const useOrdersStore = defineStore('orders', () => {
  const items = ref<Order[]>([])
  const { busy: loading, error, run: runLoad } = useAsyncAction()
  const loaded = ref(false)

  async function load(status?: OrderStatus | null) {
    await runLoad(async () => {
      items.value = await $fetch<Order[]>('/api/orders', { query: status ? { status } : undefined })
      loaded.value = true
    })
  }

  function place(body: { plan_id: string, template?: string, hostname: string, ssh_key_ids: string[], cycle?: string }, idempotencyKey: string) {
    return $fetch<Order>('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })
  }

  function get(id: string) {
    return $fetch<Order>(`/api/orders/${id}`)
  }

  function retry(id: string) {
    return $fetch<Order>(`/api/orders/${id}/retry`, { method: 'POST' })
  }

  function cancel(id: string) {
    return $fetch<Order>(`/api/orders/${id}/cancel`, { method: 'POST' })
  }

  return { items, loading, loaded, error, load, place, get, retry, cancel }
})
