/** Invoices, payments and credit (customer billing). */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BillingProfile, BillingSettings, CreditView, InvoiceList, InvoiceStatus, InvoiceView, PaymentView } from '~/utils/invoices'

export interface InvoiceFilter { status?: InvoiceStatus | null, overdue?: boolean, customer?: string | null }

export const useInvoicesStore = defineStore('invoices', () => {
  const items = ref<InvoiceView[]>([])
  const revenue = ref<NonNullable<InvoiceList['revenue']>>([])
  const loaded = ref(false)
  const { busy: loading, error, run: runLoad } = useAsyncAction()

  async function load(f: InvoiceFilter = {}) {
    await runLoad(async () => {
      const query: Record<string, string> = {}
      if (f.status) query.status = f.status
      if (f.overdue) query.overdue = 'true'
      if (f.customer) query.customer = f.customer
      const r = await $fetch<InvoiceList>('/api/invoices', { query })
      items.value = r.items
      revenue.value = r.revenue ?? []
      loaded.value = true
    })
  }

  const get = (id: string) => $fetch<InvoiceView>(`/api/invoices/${id}`)
  const recordPayment = (id: string, body: { amount_minor: number, method: 'manual' | 'credit', reference?: string }, key: string) =>
    $fetch<{ payment: PaymentView, invoice: InvoiceView }>(`/api/invoices/${id}/payments`, { method: 'POST', body, headers: { 'Idempotency-Key': key } })
  const voidInvoice = (id: string) => $fetch<InvoiceView>(`/api/invoices/${id}/void`, { method: 'POST' })
  const creditNote = (id: string, reason?: string) => $fetch<InvoiceView>(`/api/invoices/${id}/credit-note`, { method: 'POST', body: reason ? { reason } : {} })
  const refund = (paymentId: string, body: { to: 'credit' | 'external', amount_minor?: number, reference?: string }, key: string) =>
    $fetch<PaymentView>(`/api/payments/${paymentId}/refund`, { method: 'POST', body, headers: { 'Idempotency-Key': key } })
  const credit = (user?: string) => $fetch<CreditView>('/api/credit', { query: user ? { user } : undefined })
  const topUp = (userId: string, body: { amount_minor: number, currency: string, reason?: 'top_up' | 'adjustment', ref?: string }, key: string) =>
    $fetch<CreditView>(`/api/users/${userId}/credit`, { method: 'POST', body, headers: { 'Idempotency-Key': key } })
  const customerProfile = (userId: string) => $fetch<BillingProfile>(`/api/users/${userId}/billing`)
  const setCreditTerms = (userId: string, on: boolean) => $fetch<BillingProfile>(`/api/users/${userId}/billing`, { method: 'PATCH', body: { credit_terms: on } })
  const profile = () => $fetch<BillingProfile>('/api/account/billing')
  const saveProfile = (body: Partial<Pick<BillingProfile, 'country' | 'vat_id' | 'company'>>) => $fetch<BillingProfile>('/api/account/billing', { method: 'PUT', body })
  const settings = () => $fetch<BillingSettings>('/api/admin/billing-settings')
  const saveSettings = (body: Partial<BillingSettings>) => $fetch<BillingSettings>('/api/admin/billing-settings', { method: 'PUT', body })

  return { items, revenue, loaded, loading, error, load, get, recordPayment, voidInvoice, creditNote, refund, credit, topUp, customerProfile, setCreditTerms, profile, saveProfile, settings, saveSettings }
})
