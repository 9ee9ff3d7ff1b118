import { z } from 'zod'
import { attachUpstream } from '../../../../services/exactly-once/review'

const body = z.object({ upstream_id: z.union([z.string(), z.number()]).transform(v => String(v).trim()).pipe(z.string().min(1, 'upstream_id is required').max(200)) }).strict()

/** Admins: ties an intent in review to the upstream object its lost request made. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  const { upstream_id: upstreamId } = await validBody(event, body)
  return attachUpstream(id, upstreamId, admin)
})
