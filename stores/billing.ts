/** The billing overview across provider accounts, its daily history, and the actions on it. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BillingHistory, BillingOverview, SampleRun } from '~~/shared/billing/types'

export const useBillingStore = defineStore('billing', () => {
  const overview = ref<BillingOverview | null>(null)
  const loading = ref(false)
  const error = ref('')

  const history = ref<BillingHistory | null>(null)
  const historyDays = ref(90)
  const historyLoading = ref(false)
  const historyError = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try { overview.value = await $fetch<BillingOverview>('/api/billing/overview') }
    catch (e) { error.value = errorMessage(e) }
    finally { loading.value = false }
  }

  async function loadHistory(days = historyDays.value) {
    historyDays.value = days
    historyLoading.value = true
    historyError.value = ''
    try { history.value = await $fetch<BillingHistory>('/api/billing/history', { query: { days } }) }
    catch (e) { historyError.value = errorMessage(e) }
    finally { historyLoading.value = false }
  }

  /** Throws: the page turns the outcome into a toast. */
  async function recordSample(): Promise<SampleRun> {
    const run = await $fetch<SampleRun>('/api/billing/sample', { method: 'POST' })
    await loadHistory()
    return run
  }

  async function cancelOrder(slug: string, id: string) {
    await $fetch(`/api/hosting/providers/${encodeURIComponent(slug)}/orders/${encodeURIComponent(id)}`, { method: 'DELETE' })
    await load()
  }

  return { overview, loading, error, history, historyDays, historyLoading, historyError, load, loadHistory, recordSample, cancelOrder }
})
