import { openZoneAt, zoneAddress } from '#server/services/dns/access'
import { answer } from '#server/services/dns/plan-view'
import { flagsQuery, importBody } from '#server/services/dns/schemas'
import { importZoneFile } from '#server/services/dns/zone-files'

/**
 * A BIND zone file → a plan. `mode: 'replace'`: the zone becomes the file; `'merge'`: the
 * file's records are added (identical ones take the file's TTL). Parse errors: 400 with lines.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const query = validQuery(event, flagsQuery)
  const body = await validBody(event, importBody)
  const zone = await openZoneAt(user, at)
  const outcome = await importZoneFile(zone, body.zone_file, body.mode, { dryRun: query.dry_run || body.dry_run === true, force: query.force || body.force === true })
  return answer(outcome, 'imported')
})
