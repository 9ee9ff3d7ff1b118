/** Domains as the API answers them: the seed's shape, and ours with what the panel needs to show it honestly. */
import { z } from 'zod'
import { ownerRef } from './common'
import { isoDate, obj, type View } from './define'

/** The seed's domain shape. */
export const domain = obj({
  name: z.string(),
  registrar: z.string().nullable().optional(),
  status: z.string(),
  expires_at: isoDate.nullable(),
  auto_renew: z.boolean(),
  locked: z.boolean(),
  privacy_protection: z.boolean(),
  nameservers: z.array(z.string()),
}).meta({ id: 'Domain' })

/** Our domain object: the seed's fields, plus what the panel needs. */
export const domainView = domain.extend({
  registrar: z.string().nullable(),
  auto_renew_known: z.boolean().meta({ description: 'False where the provider cannot tell (Hostinger keeps auto-renew on the billing subscription)' }),
  details_known: z.boolean().meta({ description: 'False when only the portfolio list could be read: lock, privacy and nameservers are not known' }),
  details_failed: z.boolean().meta({ description: 'Reading this domain\'s details failed this time (the rest of the list still came)' }),
  expires_in_days: z.number().nullable(),
  owner: ownerRef.nullable().optional(),
})
export type DomainView = View<typeof domainView>

export const domainAccountRef = obj({ slug: z.string(), display_name: z.string(), type: z.string() })
export type DomainAccountRef = View<typeof domainAccountRef>

/** White label: a customer's outcomes name no account (the account's fields are admins' only). */
export const domainAccountOutcome = domainAccountRef.partial().extend({ ok: z.boolean(), count: z.number().int(), error: z.string().optional(), status: z.number().int().optional() })
export type AccountOutcome = View<typeof domainAccountOutcome>

/** `account`: admins only (a customer addresses the domain by its name alone). */
export const listedDomain = domainView.extend({ account: domainAccountRef.optional() })
export type ListedDomain = View<typeof listedDomain>

export const domainList = obj({ domains: z.array(listedDomain), accounts: z.array(domainAccountOutcome) })
export type DomainList = View<typeof domainList>

export const availability = obj({ domain: z.string(), available: z.boolean(), price: z.number().optional(), currency: z.string().optional() })
export type Availability = View<typeof availability>
