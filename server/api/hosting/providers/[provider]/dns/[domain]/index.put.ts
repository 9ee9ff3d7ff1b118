import { openZoneAt, zoneAddress } from '#server/services/dns/access'
import { putRecords } from '#server/services/dns/operations'
import { answer } from '#server/services/dns/plan-view'
import { flagsQuery, putBody, toRecord } from '#server/services/dns/schemas'

/**
 * Seed: batch update. `overwrite: true` replaces the records of the same name AND type as the
 * records sent (not the whole zone); without it they are added. Extension: `delete` removes
 * whole name+type sets in the same change.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const query = validQuery(event, flagsQuery)
  const body = await validBody(event, putBody)
  const zone = await openZoneAt(user, at)
  const outcome = await putRecords(zone, { records: body.records.map(toRecord), overwrite: body.overwrite, delete: body.delete }, { dryRun: query.dry_run, force: query.force || body.force === true })
  return answer(outcome, 'updated')
})
