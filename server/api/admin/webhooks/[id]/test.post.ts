import { sendTest } from '#server/services/alerts/webhooks'
import { idParams } from '#server/schemas/common'

/** Queues a test delivery and answers at once (202); the delivery log shows how it went. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const delivery = await sendTest(id)
  setResponseStatus(event, 202)
  return delivery
})
