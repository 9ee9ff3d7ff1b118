/** Alert channels as the API answers them: a user's choices, the SMTP settings, webhooks and their deliveries. */
import { z } from 'zod'
import { ALERT_KIND_NAMES } from '../alerts/kinds'
import { isoDate, obj, uuid, type View } from './define'

export const alertKind = z.enum(ALERT_KIND_NAMES as [string, ...string[]]).meta({ id: 'AlertKind' })

export const alertPreferences = obj({
  items: z.array(obj({
    kind: alertKind,
    in_app: z.boolean(),
    email: z.boolean(),
    default_in_app: z.boolean(),
    default_email: z.boolean(),
  })),
}).meta({ id: 'AlertPreferences' })
export type AlertPreferences = View<typeof alertPreferences>

export const smtpSettings = obj({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string(),
  password_set: z.boolean(),
  password: z.string().nullable().meta({ description: 'Masked: the last four characters at most' }),
  from: z.string(),
  product_name: z.string(),
  panel_url: z.string(),
}).meta({ id: 'SmtpSettings' })
export type SmtpSettingsView = View<typeof smtpSettings>

export const webhookEndpoint = obj({
  id: uuid,
  name: z.string(),
  url: z.string(),
  kinds: z.array(alertKind).meta({ description: 'Empty: every kind' }),
  enabled: z.boolean(),
  secret_hint: z.string().nullable(),
  created_at: isoDate,
}).meta({ id: 'WebhookEndpoint' })
export type WebhookEndpointView = View<typeof webhookEndpoint>

export const createdWebhookEndpoint = webhookEndpoint.extend({
  secret: z.string().meta({ description: 'The signing secret; in this answer only' }),
}).meta({ id: 'CreatedWebhookEndpoint' })
export type CreatedWebhookEndpointView = View<typeof createdWebhookEndpoint>

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export const webhookDelivery = obj({
  id: uuid,
  endpoint_id: uuid,
  kind: z.string().meta({ description: 'An alert kind, or "test"' }),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  response_status: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: isoDate,
  updated_at: isoDate,
}).meta({ id: 'WebhookDelivery' })
export type WebhookDeliveryView = View<typeof webhookDelivery>
