import { openZone, zoneParams } from '#server/services/dns/access'

/** Seed: the records of the zone, `[{ id, type, name, content, ttl, priority }]`. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, domain } = validParams(event, zoneParams)
  const zone = await openZone(user, provider, domain)
  return zone.adapter.getDnsZone(zone.domain)
})
