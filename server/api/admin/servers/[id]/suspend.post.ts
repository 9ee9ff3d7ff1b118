import { z } from 'zod'
import { suspendServer } from '../../../../services/portal/suspension'
import { audit } from '../../../../services/audit'

const Body = z.object({ reason: z.string().trim().min(3, 'Give the customer a reason').max(300) }).strict()

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  const { reason } = await validBody(event, Body)
  const res = await suspendServer(id, reason, admin)
  await audit({ userId: admin.id, action: 'server.suspended', target: id, details: { reason, method: res.method } })
  return res
})
