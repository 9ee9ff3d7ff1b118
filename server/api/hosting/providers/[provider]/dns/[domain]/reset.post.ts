import { openZoneAt, zoneAddress } from '#server/services/dns/access'
import { resetZone } from '#server/services/dns/operations'
import { answer } from '#server/services/dns/plan-view'
import { flagsQuery, forceBody } from '#server/services/dns/schemas'

/** Seed: back to the provider's default records. Destructive: a plan, a snapshot, the 30% rule. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const query = validQuery(event, flagsQuery)
  const body = await validBody(event, forceBody)
  const zone = await openZoneAt(user, at)
  const outcome = await resetZone(zone, { dryRun: query.dry_run || body.dry_run === true, force: query.force || body.force === true })
  return answer(outcome, 'reset')
})
