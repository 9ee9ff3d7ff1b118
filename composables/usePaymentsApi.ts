/** Online payment: the customer's checkout, and the admin's gateway and renewal settings (Stripe keys go in, only masks come out). */
import type { BillingRunView, CheckoutAnswer, PaymentGatewayView } from '~~/shared/schemas/payments'

export interface GatewayInput { secret_key?: string, webhook_secret?: string, api_base?: string | null, enabled?: boolean }
export interface RenewalSettingsView { invoice_days_before: number, grace_days: number, termination_review_days: number, auto_terminate: boolean }

export function usePaymentsApi() {
  return {
    saveGateway: (body: GatewayInput) => $fetch<PaymentGatewayView>('/api/admin/payments/gateway', { method: 'PUT', body }),
    removeGateway: () => $fetch<{ status: 'removed' }>('/api/admin/payments/gateway', { method: 'DELETE' }),
    connectSandbox: () => $fetch<PaymentGatewayView>('/api/admin/payments/gateway/sandbox', { method: 'POST' }),
    saveRenewals: (body: Partial<RenewalSettingsView>) => $fetch<RenewalSettingsView>('/api/admin/payments/renewals', { method: 'PATCH', body }),
    checkout: (invoiceId: string) => $fetch<CheckoutAnswer>(`/api/invoices/${invoiceId}/checkout`, { method: 'POST' }),
    runBilling: () => $fetch<BillingRunView>('/api/admin/payments/renewals/run', { method: 'POST' }),
  }
}
