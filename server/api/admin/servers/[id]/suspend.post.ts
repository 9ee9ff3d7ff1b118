import { suspendServer } from '#server/services/portal/suspension'
import { audit } from '#server/services/audit'
import { suspendBody as Body } from '#server/schemas/servers'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const { reason } = await validBody(event, Body)
  const res = await suspendServer(id, reason, admin)
  await audit({ userId: admin.id, action: 'server.suspended', target: id, details: { reason, method: res.method } })
  return res
})
