import { listDeliveries } from '#server/services/alerts/webhooks'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { id } = validParams(event, idParams)
  return listDeliveries(id)
})
