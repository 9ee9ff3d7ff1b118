import { openZoneAt, zoneAddress } from '#server/services/dns/access'

/** Seed: the records of the zone, `[{ id, type, name, content, ttl, priority }]`. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const zone = await openZoneAt(user, at)
  return zone.adapter.getDnsZone(zone.domain)
})
