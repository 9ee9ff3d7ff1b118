import { openZoneAt, zoneAddress } from '#server/services/dns/access'
import { exportZoneFile } from '#server/services/dns/zone-files'

/** The live zone as a BIND zone file (passes named-checkzone). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, zoneAddress)
  const zone = await openZoneAt(user, at)
  const text = await exportZoneFile(zone)
  setResponseHeader(event, 'Content-Type', 'text/plain; charset=utf-8')
  setResponseHeader(event, 'Content-Disposition', `attachment; filename="${zone.domain}.zone"`)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return text
})
