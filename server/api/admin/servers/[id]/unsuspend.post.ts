import { z } from 'zod'
import { unsuspendServer } from '../../../../services/portal/suspension'
import { audit } from '../../../../services/audit'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, z.object({ id: uuidParam }))
  const res = await unsuspendServer(id, admin)
  await audit({ userId: admin.id, action: 'server.unsuspended', target: id })
  return res
})
