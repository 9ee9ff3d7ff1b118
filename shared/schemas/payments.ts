/** The online payment gateway (Stripe Checkout) as the admin API answers it: keys only masked. */
import { z } from 'zod'
import { isoDate, obj, type View } from './define'

export const paymentGateway = obj({
  kind: z.literal('stripe'),
  configured: z.boolean(),
  enabled: z.boolean().meta({ description: 'Customers can pay invoices online' }),
  sandbox: z.boolean().meta({ description: 'Points at the sandbox\'s Stripe stand-in' }),
  api_base: z.string().nullable().meta({ description: 'Where the client sends requests instead of api.stripe.com (a stand-in); null for Stripe itself' }),
  secret_key: z.string().nullable().meta({ description: 'Masked: `••••abcd`' }),
  webhook_secret: z.string().nullable().meta({ description: 'Masked: `••••abcd`' }),
  webhook_url: z.string().meta({ description: 'The address to register in Stripe for `checkout.session.completed`' }),
  updated_at: isoDate.nullable(),
}).meta({ id: 'PaymentGateway' })
export type PaymentGatewayView = View<typeof paymentGateway>

export const checkoutAnswer = obj({ url: z.string(), session_id: z.string(), reused: z.boolean(), expires_at: isoDate }).meta({ id: 'CheckoutSession' })
export type CheckoutAnswer = View<typeof checkoutAnswer>

export const billingRunAnswer = obj({
  now: isoDate,
  issued: z.number().int(), reminded: z.number().int(), suspended: z.number().int(), termination_review: z.number().int(), terminated: z.number().int(),
  failed: z.array(obj({ subscription: z.string(), step: z.string(), message: z.string() })),
}).meta({ id: 'BillingRun' })
export type BillingRunView = View<typeof billingRunAnswer>
