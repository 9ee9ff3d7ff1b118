/** /api/hosting/providers/{provider}/…: the seed's per-account routes (seed 002). */
import { z } from 'zod'
import { providerParam } from '../utils/provider-param'
import { domainSchema } from '../services/dns/access'
import { seedVmAction } from '../services/servers/schemas'

export const providerOrderParams = providerParam.extend({ id: z.string().trim().min(1).max(100).regex(/^[\w.-]+$/, 'Not a valid order id') })

export const providerSshKeyParams = providerParam.extend({ id: z.string().trim().min(1).max(100) })

export const providerTemplatesQuery = z.object({ plan: z.string().trim().min(1).max(200).optional() })

export const vmParams = providerParam.extend({ id: z.string().min(1).max(200) })

export const vmActionParams = providerParam.extend({ id: z.string().min(1).max(200), action: seedVmAction })

export const domainOwnerBody = z.object({ owner_id: z.string().uuid('owner_id must be a user id').nullable() }).strict()

export const dnsSnapshotParams = z.object({ provider: z.string().min(1).max(40), domain: domainSchema, id: z.string().min(1).max(200) })
