import { z } from 'zod'
import { getServerView } from '../../../services/servers/listing'
import { patchServer } from '../../../services/servers/ownership'
import { audit } from '../../../services/audit'

const Params = z.object({ id: uuidParam })
const Body = z.object({
  owner_id: uuidParam.nullable().optional(),
  admin_locked: z.boolean().optional(),
  lock_reason: z.string().max(200).nullable().optional(),
}).strict().refine(b => Object.keys(b).length > 0, 'Give owner_id, admin_locked or lock_reason')

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, Body)
  await patchServer(id, body)
  await audit({ userId: admin.id, action: 'server.updated', target: id, details: body })
  return getServerView(id, admin)
})
