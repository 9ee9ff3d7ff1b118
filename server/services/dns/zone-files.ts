/** BIND zone files: the live zone as a file, and a file back into a plan. */
import { exportZone, importZone } from '#shared/dns/bind'
import type { ZoneContext } from './access'
import type { ChangeOptions } from './changes'
import { httpError } from '#server/lib/http-errors'
import { mergeIntoZone, replaceZone } from './operations'

export async function exportZoneFile(ctx: ZoneContext): Promise<string> {
  const records = await ctx.adapter.getDnsZone(ctx.domain)
  return exportZone(ctx.domain, records)
}

/**
 * Any line the parser can't take refuses the whole import (400, one message per line): a
 * half-imported file is worse than none, above all in replace mode.
 */
export async function importZoneFile(ctx: ZoneContext, text: string, mode: 'replace' | 'merge', opts: ChangeOptions) {
  const { records, errors } = importZone(text, ctx.domain)
  if (errors.length) {
    const shown = errors.slice(0, 3).map(e => `line ${e.line}: ${e.message}`).join('; ')
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''
    throw httpError(400, `The zone file has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}: ${shown}${more}`, 'invalid_zone_file', { errors })
  }
  if (!records.length) {
    throw httpError(400, `The zone file has no records for ${ctx.domain} (types we manage: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA)`, 'invalid_zone_file', { errors: [] })
  }
  const reason = `Import of a zone file (${mode}, ${records.length} record${records.length === 1 ? '' : 's'})`
  return mode === 'replace' ? replaceZone(ctx, records, reason, opts) : mergeIntoZone(ctx, records, reason, opts)
}
