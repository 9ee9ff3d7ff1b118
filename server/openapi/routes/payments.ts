import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { gatewayBodySchema } from '#server/services/payments/gateway'
import { renewalSettingsSchema } from '#server/services/payments/renewal-settings'
import { billingRunAnswer, checkoutAnswer, paymentGateway } from '#shared/schemas/payments'
import { defineRoutes, obj } from '../define'

const renewalSettings = obj({ invoice_days_before: z.number().int(), grace_days: z.number().int(), termination_review_days: z.number().int(), auto_terminate: z.boolean() }).meta({ id: 'RenewalSettings' })

export default defineRoutes('Online payments', 'Stripe Checkout for invoices, its signed webhook, and the renewals run', [
  {
    method: 'post', path: '/api/invoices/{id}/checkout', access: 'user', params: idParams, summary: 'A Stripe Checkout URL to pay the caller\'s own open invoice',
    description: 'Answers an open, unexpired session for the same amount again instead of opening a second one.',
    answers: { 200: { description: 'Where to send the customer', schema: checkoutAnswer } },
    errors: { 409: 'The invoice is not open (`invoice_not_payable`) or no gateway is set up (`checkout_unavailable`)', 502: 'Stripe refused (`gateway_error`)' },
  },
  {
    method: 'post', path: '/api/webhooks/stripe', access: 'public', summary: 'Stripe\'s events (signed; no session)',
    description: 'The `Stripe-Signature` header must verify over the raw body with the webhook signing secret. Each event id is processed once; a replay answers 200 with `duplicate: true`. `checkout.session.completed` with `payment_status=paid` records one payment on the invoice named in the session\'s metadata.',
    answers: { 200: { description: 'Received', schema: obj({ received: z.literal(true), duplicate: z.boolean(), outcome: z.string() }) } },
    errors: { 400: 'The signature is absent or does not verify (`webhook_signature_invalid`), or no gateway is set up (`gateway_not_configured`)' },
  },
  { method: 'get', path: '/api/admin/payments/gateway', access: 'admin', summary: 'The Stripe settings (keys masked)', answers: { 200: { description: 'Settings', schema: paymentGateway } } },
  {
    method: 'put', path: '/api/admin/payments/gateway', access: 'admin', summary: 'Set the Stripe keys (stored encrypted; a key left out is kept)', body: gatewayBodySchema,
    answers: { 200: { description: 'Saved', schema: paymentGateway } },
  },
  { method: 'delete', path: '/api/admin/payments/gateway', access: 'admin', summary: 'Forget the Stripe settings', answers: { 200: { description: 'Removed', schema: obj({ status: z.literal('removed') }) } }, errors: { 404: 'None is set up (`gateway_not_configured`)' } },
  {
    method: 'post', path: '/api/admin/payments/gateway/sandbox', access: 'admin', summary: 'Use the sandbox\'s Stripe stand-in (registers this panel\'s webhook there)',
    answers: { 200: { description: 'Connected', schema: paymentGateway } },
    errors: { 404: 'The sandbox is off (`sandbox_disabled`)', 503: 'No sandbox to reach (`sandbox_unavailable`)' },
  },
  { method: 'get', path: '/api/admin/payments/renewals', access: 'admin', summary: 'Renewal settings: invoice lead days, grace days, termination review, auto-terminate', answers: { 200: { description: 'Settings', schema: renewalSettings } } },
  { method: 'post', path: '/api/admin/payments/renewals/run', access: 'admin', summary: 'Run billing now (the daily renewals run)', answers: { 200: { description: 'What the run did', schema: billingRunAnswer } } },
  { method: 'patch', path: '/api/admin/payments/renewals', access: 'admin', summary: 'Change renewal settings', body: renewalSettingsSchema.partial(), answers: { 200: { description: 'Saved', schema: renewalSettings } } },
])
