import { openZoneAt, zoneAddress } from '#server/services/dns/access'
import { removeRecords } from '#server/services/dns/operations'
import { answer } from '#server/services/dns/plan-view'
import { deleteQuery } from '#server/services/dns/schemas'

/** Seed: `?name=&type=` deletes every record with that name and type. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const q = validQuery(event, deleteQuery)
  const zone = await openZoneAt(user, at)
  return answer(await removeRecords(zone, q.name, q.type, { dryRun: q.dry_run, force: q.force }), 'deleted')
})
