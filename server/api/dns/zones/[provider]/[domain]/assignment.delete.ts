import { assignBody } from '#server/services/dns/schemas'
import { zoneParams } from '#server/services/dns/access'
import { unassignZone } from '#server/services/dns/zones'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, domain } = validParams(event, zoneParams)
  const body = await validBody(event, assignBody.partial())
  return unassignZone(admin, provider, domain, body.owner_id)
})
