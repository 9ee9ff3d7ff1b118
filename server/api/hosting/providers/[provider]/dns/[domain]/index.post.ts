import { openZoneAt, zoneAddress } from '#server/services/dns/access'
import { addRecord } from '#server/services/dns/operations'
import { answer } from '#server/services/dns/plan-view'
import { addBody, flagsQuery, toRecord } from '#server/services/dns/schemas'

/** Seed: add one record without overwriting anything. `?dry_run=1` answers the plan only. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const query = validQuery(event, flagsQuery)
  const body = await validBody(event, addBody)
  const zone = await openZoneAt(user, at)
  const outcome = await addRecord(zone, toRecord(body), { dryRun: query.dry_run, force: query.force || body.force === true })
  if (outcome.status === 'applied') setResponseStatus(event, 201)
  return answer(outcome, 'created')
})
