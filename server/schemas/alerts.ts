/** Alert preferences and delivery settings (services/alerts). */
import { z } from 'zod'
import { ALERT_KIND_NAMES, type AlertKind } from '#shared/alerts/kinds'

const kind = z.enum(ALERT_KIND_NAMES as [AlertKind, ...AlertKind[]])

export const preferencesBody = z.object({
  items: z.array(z.object({ kind, in_app: z.boolean(), email: z.boolean() }).strict()).max(100),
}).strict()

const webhookUrl = z.url({ protocol: /^https?$/, error: 'An http:// or https:// address' }).max(2000)

export const webhookCreateBody = z.object({
  name: z.string().trim().min(1).max(80),
  url: webhookUrl,
  kinds: z.array(kind).max(100).default([]),
  enabled: z.boolean().default(true),
}).strict()

export const webhookPatchBody = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  url: webhookUrl.optional(),
  kinds: z.array(kind).max(100).optional(),
  enabled: z.boolean().optional(),
}).strict()
