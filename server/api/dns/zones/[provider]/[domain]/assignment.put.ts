import { zoneParams } from '#server/services/dns/access'
import { assignBody } from '#server/services/dns/schemas'
import { assignZone } from '#server/services/dns/zones'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, domain } = validParams(event, zoneParams)
  const { owner_id } = await validBody(event, assignBody)
  return assignZone(admin, provider, domain, owner_id)
})
