import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { preferencesBody, webhookCreateBody, webhookPatchBody } from '#server/schemas/alerts'
import { smtpSettingsBody } from '#server/services/alerts/email'
import { defineRoutes, obj, statusAnswer } from '../define'
import { alertPreferences, createdWebhookEndpoint, smtpSettings, webhookDelivery, webhookEndpoint } from '#shared/schemas/alerts'

const SIGNING = 'Each delivery is a POST of JSON with `X-Timestamp` (Unix seconds) and `X-Signature: sha256=<hex>`, '
  + 'the HMAC-SHA256 of `<timestamp>.<body>` with the endpoint\'s secret. A non-2xx answer is retried with backoff, then the delivery is marked failed.'

export default defineRoutes('Alerts', 'Which alerts reach whom: per-user channel choices, the SMTP server for e-mail, outbound webhooks', [
  { method: 'get', path: '/api/notifications/preferences', access: 'user', summary: 'Your channel choices per alert kind (in-app, e-mail)', answers: { 200: { description: 'Choices', schema: alertPreferences } } },
  {
    method: 'put', path: '/api/notifications/preferences', access: 'user', summary: 'Change your channel choices',
    description: 'Kinds not listed keep their choice; kinds your role never receives are ignored.',
    body: preferencesBody, answers: { 200: { description: 'Choices', schema: alertPreferences } },
  },
  { method: 'get', path: '/api/admin/alerts/smtp', access: 'admin', summary: 'The SMTP server alerts are mailed through (password masked)', answers: { 200: { description: 'Settings', schema: smtpSettings } } },
  {
    method: 'put', path: '/api/admin/alerts/smtp', access: 'admin', summary: 'Set the SMTP server',
    description: 'The password is stored encrypted; omit it to keep the saved one, send "" to remove it.',
    body: smtpSettingsBody, answers: { 200: { description: 'Settings', schema: smtpSettings } },
  },
  {
    method: 'post', path: '/api/admin/alerts/smtp/test', access: 'admin', summary: 'Send a test e-mail to yourself now (audited)',
    answers: { 200: { description: 'The SMTP server took it', schema: obj({ status: z.literal('sent'), to: z.string() }) } },
    errors: { 409: 'Sending is off or not set up (`smtp_off`)', 502: 'The SMTP server refused or could not be reached; `error` has its words (`smtp_failed`)' },
  },
  { method: 'get', path: '/api/admin/webhooks', access: 'admin', summary: 'Webhook endpoints', description: SIGNING, answers: { 200: { description: 'Endpoints', schema: z.array(webhookEndpoint) } } },
  { method: 'post', path: '/api/admin/webhooks', access: 'admin', summary: 'Add a webhook endpoint (its secret is in this answer only)', description: SIGNING, body: webhookCreateBody, answers: { 201: { description: 'Created', schema: createdWebhookEndpoint } } },
  { method: 'patch', path: '/api/admin/webhooks/{id}', access: 'admin', summary: 'Edit a webhook endpoint', params: idParams, body: webhookPatchBody, answers: { 200: { description: 'The endpoint', schema: webhookEndpoint } } },
  { method: 'delete', path: '/api/admin/webhooks/{id}', access: 'admin', summary: 'Delete a webhook endpoint and its delivery log', params: idParams, answers: { 200: { description: 'Deleted', schema: statusAnswer('deleted') } } },
  { method: 'post', path: '/api/admin/webhooks/{id}/test', access: 'admin', summary: 'Queue a test delivery', params: idParams, answers: { 202: { description: 'Queued; see the delivery log', schema: webhookDelivery } } },
  { method: 'get', path: '/api/admin/webhooks/{id}/deliveries', access: 'admin', summary: 'The latest 50 deliveries to an endpoint', params: idParams, answers: { 200: { description: 'Deliveries', schema: z.array(webhookDelivery) } } },
])
