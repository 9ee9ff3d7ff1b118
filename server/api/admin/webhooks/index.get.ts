import { listEndpoints } from '#server/services/alerts/webhooks'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return listEndpoints()
})
