import { openZoneAt, zoneAddress } from '#server/services/dns/access'
import { listSnapshots } from '#server/services/dns/snapshots'

/** Zone history: our snapshots (source `panel`) and the provider's (source `provider`), newest first. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const answer = await listSnapshots(await openZoneAt(user, at))
  // White label: the provider's own words are for admins.
  if (user.role !== 'admin' && answer.provider_error) return { ...answer, provider_error: 'The platform\'s snapshots could not be read just now' }
  return answer
})
