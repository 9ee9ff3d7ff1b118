/** The billing overview across provider accounts, its daily history, and the actions on it. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BillingHistory, BillingOverview, SampleRun } from '~~/shared/billing/types'

export const useBillingStore = defineStore('billing', () => {
  const overview = ref<BillingOverview | null>(null)
  const { busy: loading, error, run: runLoad } = useAsyncAction()

  const history = ref<BillingHistory | null>(null)
  const historyDays = ref(90)
  const { busy: historyLoading, error: historyError, run: runHistory } = useAsyncAction()

  async function load() {
    await runLoad(async () => {
      overview.value = await $fetch<BillingOverview>('/api/billing/overview')
    })
  }

  async function loadHistory(days = historyDays.value) {
    historyDays.value = days
    await runHistory(async () => {
      history.value = await $fetch<BillingHistory>('/api/billing/history', { query: { days } })
    })
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
