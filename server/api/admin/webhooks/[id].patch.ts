import { audit } from '#server/services/audit'
import { updateEndpoint } from '#server/services/alerts/webhooks'
import { idParams } from '#server/schemas/common'
import { webhookPatchBody as Body } from '#server/schemas/alerts'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const body = await validBody(event, Body)
  const updated = await updateEndpoint(id, body)
  await audit({ userId: admin.id, action: 'alerts.webhook_updated', target: id, details: { changed: Object.keys(body) } })
  return updated
})
