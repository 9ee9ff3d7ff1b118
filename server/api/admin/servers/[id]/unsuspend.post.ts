import { unsuspendServer } from '#server/services/portal/suspension'
import { audit } from '#server/services/audit'
import { idParams } from '#server/schemas/common'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const res = await unsuspendServer(id, admin)
  await audit({ userId: admin.id, action: 'server.unsuspended', target: id })
  return res
})
