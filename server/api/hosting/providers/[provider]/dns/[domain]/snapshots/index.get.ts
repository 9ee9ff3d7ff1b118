import { openZone, zoneParams } from '#server/services/dns/access'
import { listSnapshots } from '#server/services/dns/snapshots'

/** Zone history: our snapshots (source `panel`) and the provider's (source `provider`), newest first. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, domain } = validParams(event, zoneParams)
  return listSnapshots(await openZone(user, provider, domain))
})
