/**
 * Who may touch which zone. Admins: every zone of every account. Customers: only the zones an
 * admin assigned to them (`zone_assignments`); any other zone, existing or not, is the same 404,
 * so a customer can't probe what other accounts hold.
 */
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { checkTarget, normalizeZone } from '#shared/dns/names'
import { useDb } from '#server/db/client'
import { zoneAssignments, type ProviderAccount, type User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import type { BaseAdapter } from '#server/providers/base'
import { adapterFor, getAccountBySlug } from '../provider-accounts'
import { accountOfName } from '../zone-accounts'

export const domainSchema = z.string().trim().min(1, 'A domain is required').max(253)
  .transform(d => normalizeZone(d))
  .superRefine((d, ctx) => {
    const problem = checkTarget(d, { what: 'Domain' })
    if (problem || d === '.') ctx.addIssue({ code: 'custom', message: problem ?? 'Domain is required' })
  })

export const zoneParams = z.object({ provider: z.string().min(1).max(40), domain: domainSchema })
/** What a DNS route's path gives: an account and a name, or the name alone. */
export const zoneAddress = zoneParams.partial({ provider: true })

export interface ZoneContext {
  account: ProviderAccount
  adapter: BaseAdapter
  domain: string
  user: User
}

export function zoneNotFound(slug: string, domain: string) {
  return httpError(404, `No DNS zone ${domain} on the provider account "${slug}"`, 'zone_not_found')
}

export async function isAssigned(accountId: string, domain: string, ownerId: string) {
  const db = await useDb()
  const [row] = await db.select({ id: zoneAssignments.id }).from(zoneAssignments)
    .where(and(eq(zoneAssignments.accountId, accountId), eq(zoneAssignments.domain, domain), eq(zoneAssignments.ownerId, ownerId)))
  return !!row
}

/** The zone `domain` of account `slug`, if `user` may see it; 404 otherwise. */
export async function openZone(user: User, slug: string, domain: string): Promise<ZoneContext> {
  const account = await getAccountBySlug(slug)
  if (user.role !== 'admin') {
    if (!account || !(await isAssigned(account.id, domain, user.id))) throw zoneNotFound(slug, domain)
  }
  else if (!account) {
    throw httpError(404, `No provider account named "${slug}"`, 'provider_not_found')
  }
  return { account, adapter: adapterFor(account), domain, user }
}

/** The zone a route's path names: on the account it gives, or found by its name alone. */
export async function openZoneAt(user: User, at: z.infer<typeof zoneAddress>): Promise<ZoneContext> {
  if (at.provider) return openZone(user, at.provider, at.domain)
  const account = await accountOfName(user, at.domain, 'dns')
  return { account, adapter: adapterFor(account), domain: at.domain, user }
}

export const zoneLabel = (ctx: Pick<ZoneContext, 'account' | 'domain'>) => `${ctx.account.slug}/${ctx.domain}`
