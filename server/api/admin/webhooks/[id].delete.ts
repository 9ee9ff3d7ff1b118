import { audit } from '#server/services/audit'
import { deleteEndpoint } from '#server/services/alerts/webhooks'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  await deleteEndpoint(id)
  await audit({ userId: admin.id, action: 'alerts.webhook_deleted', target: id })
  return { status: 'deleted' }
})
