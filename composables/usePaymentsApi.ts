/** The admin's online payment and renewal settings API (Stripe keys go in, only masks come out). */
import type { BillingRunView, PaymentGatewayView } from '~~/shared/schemas/payments'

export interface GatewayInput { secret_key?: string, webhook_secret?: string, api_base?: string | null, enabled?: boolean }
export interface RenewalSettingsView { invoice_days_before: number, grace_days: number, termination_review_days: number, auto_terminate: boolean }

export function usePaymentsApi() {
  return {
    saveGateway: (body: GatewayInput) => $fetch<PaymentGatewayView>('/api/admin/payments/gateway', { method: 'PUT', body }),
    removeGateway: () => $fetch<{ status: 'removed' }>('/api/admin/payments/gateway', { method: 'DELETE' }),
    connectSandbox: () => $fetch<PaymentGatewayView>('/api/admin/payments/gateway/sandbox', { method: 'POST' }),
    saveRenewals: (body: Partial<RenewalSettingsView>) => $fetch<RenewalSettingsView>('/api/admin/payments/renewals', { method: 'PATCH', body }),
    runBilling: () => $fetch<BillingRunView>('/api/admin/payments/renewals/run', { method: 'POST' }),
  }
}
