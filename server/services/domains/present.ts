/** Our API's domain object: the seed's fields, plus what the panel needs to show them honestly. */
import type { Domain } from '#server/providers/types'
import { daysUntil } from '#shared/domains/names'
import type { DomainView } from '#shared/schemas/domains'
import type { Owner } from './access'

/** The shared view; admins' single-account answers add the raw upstream record. */
export type PublicDomain = DomainView & { extra?: unknown }

/** `customer`: white label, the registrar (a provider's name) is not said. */
export function presentDomain(d: Domain, opts: { extra?: boolean, owner?: Owner | null, customer?: boolean } = {}): PublicDomain {
  const extra = (d.extra && typeof d.extra === 'object' ? d.extra : {}) as Record<string, unknown>
  const out: PublicDomain = {
    name: d.name,
    registrar: opts.customer ? null : d.registrar,
    status: d.status,
    expires_at: d.expires_at,
    auto_renew: d.auto_renew,
    locked: d.locked,
    privacy_protection: d.privacy_protection,
    nameservers: d.nameservers,
    auto_renew_known: extra.auto_renew_known !== false,
    details_known: extra.details_known !== false,
    details_failed: typeof extra.details_error === 'string',
    expires_in_days: daysUntil(d.expires_at),
  }
  if (opts.owner !== undefined) out.owner = opts.owner
  if (opts.extra) out.extra = d.extra
  return out
}
