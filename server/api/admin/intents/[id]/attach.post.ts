import { attachUpstream } from '#server/services/exactly-once/review'
import { idParams } from '#server/schemas/common'
import { intentAttachBody } from '#server/schemas/intents'

/** Admins: ties an intent in review to the upstream object its lost request made. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const { upstream_id: upstreamId } = await validBody(event, intentAttachBody)
  return attachUpstream(id, upstreamId, admin)
})
