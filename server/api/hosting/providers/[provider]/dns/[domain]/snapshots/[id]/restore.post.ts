import { openZoneAt } from '#server/services/dns/access'
import { restoreSnapshot } from '#server/services/dns/operations'
import { answer } from '#server/services/dns/plan-view'
import { flagsQuery, forceBody } from '#server/services/dns/schemas'
import { dnsSnapshotParams as Params } from '#server/schemas/hosting'

/** The zone as the snapshot holds it, through a plan (dry_run, force and the 30% rule apply). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id, ...at } = validParams(event, Params.partial({ provider: true }))
  const query = validQuery(event, flagsQuery)
  const body = await validBody(event, forceBody)
  const zone = await openZoneAt(user, at)
  const outcome = await restoreSnapshot(zone, id, { dryRun: query.dry_run || body.dry_run === true, force: query.force || body.force === true })
  return answer(outcome, 'restored')
})
