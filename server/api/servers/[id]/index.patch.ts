import { getServerView } from '#server/services/servers/listing'
import { patchServer } from '#server/services/servers/ownership'
import { audit } from '#server/services/audit'
import { serverParams as Params, serverPatchBody as Body } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, Body)
  await patchServer(id, body)
  await audit({ userId: admin.id, action: 'server.updated', target: id, details: body })
  return getServerView(id, admin)
})
