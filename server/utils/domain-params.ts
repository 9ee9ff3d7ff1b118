import { z } from 'zod'
import { domainNameSchema } from '#shared/domains/schema'

/** `{provider}/domains/{domain}`: the domain checked like any name we accept. */
export const domainParams = z.object({ provider: z.string().min(1).max(40), domain: domainNameSchema })
/** What a domain route's path gives: an account and a name, or the name alone. */
export const domainAddress = domainParams.partial({ provider: true })
