import { listZones } from '#server/services/dns/zones'

/** Zones across every DNS account: `{ zones, errors }` (one failing account doesn't hide the rest). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listZones(user)
})
