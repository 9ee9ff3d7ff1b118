import { getGateway } from '#server/services/payments/gateway'
import { webhookUrlFor } from '#server/services/payments/webhook-url'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return getGateway(webhookUrlFor(event))
})
