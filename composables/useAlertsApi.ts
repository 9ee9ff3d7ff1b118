/** Alert channels: the caller's choices, and (admins) SMTP and webhooks. */
import type { AlertPreferences, CreatedWebhookEndpointView, SmtpSettingsView, WebhookDeliveryView, WebhookEndpointView } from '~~/shared/schemas/alerts'

export interface SmtpInput { enabled: boolean, host: string, port: number, secure: boolean, user: string, password?: string, from: string, product_name: string, panel_url: string }
export interface WebhookInput { name: string, url: string, kinds: string[], enabled: boolean }

export function useAlertsApi() {
  return {
    savePreferences: (items: { kind: string, in_app: boolean, email: boolean }[]) => $fetch<AlertPreferences>('/api/notifications/preferences', { method: 'PUT', body: { items } }),
    saveSmtp: (body: SmtpInput) => $fetch<SmtpSettingsView>('/api/admin/alerts/smtp', { method: 'PUT', body }),
    testSmtp: () => $fetch<{ status: 'sent', to: string }>('/api/admin/alerts/smtp/test', { method: 'POST' }),
    createWebhook: (body: WebhookInput) => $fetch<CreatedWebhookEndpointView>('/api/admin/webhooks', { method: 'POST', body }),
    updateWebhook: (id: string, body: Partial<WebhookInput>) => $fetch<WebhookEndpointView>(`/api/admin/webhooks/${id}`, { method: 'PATCH', body }),
    deleteWebhook: (id: string) => $fetch(`/api/admin/webhooks/${id}`, { method: 'DELETE' }),
    testWebhook: (id: string) => $fetch<WebhookDeliveryView>(`/api/admin/webhooks/${id}/test`, { method: 'POST' }),
    deliveries: (id: string) => $fetch<WebhookDeliveryView[]>(`/api/admin/webhooks/${id}/deliveries`),
  }
}
