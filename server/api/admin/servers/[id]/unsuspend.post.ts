import { unsuspendServer } from '../../../../services/portal/suspension'
import { audit } from '../../../../services/audit'
import { idParams } from '../../../../schemas/common'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const res = await unsuspendServer(id, admin)
  await audit({ userId: admin.id, action: 'server.unsuspended', target: id })
  return res
})
