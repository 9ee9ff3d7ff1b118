import { audit } from '#server/services/audit'
import { createEndpoint } from '#server/services/alerts/webhooks'
import { webhookCreateBody as Body } from '#server/schemas/alerts'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, Body)
  const created = await createEndpoint(body)
  await audit({ userId: admin.id, action: 'alerts.webhook_created', target: created.id, details: { name: created.name, url: created.url } })
  setResponseStatus(event, 201)
  return created
})
