/** zod schemas for the domain routes' bodies, shared so the UI can check before sending. */
import { z } from 'zod'
import { domainNameProblem, hostNameProblem, MAX_CHECK_NAMES, MAX_NAMESERVERS, MIN_NAMESERVERS, normalizeDomain } from './names'

export const domainNameSchema = z.string().max(260).transform(normalizeDomain).superRefine((v, ctx) => {
  const p = domainNameProblem(v)
  if (p) ctx.addIssue({ code: 'custom', message: p })
})

const hostNameSchema = z.string().max(260).transform(normalizeDomain).superRefine((v, ctx) => {
  const p = hostNameProblem(v)
  if (p) ctx.addIssue({ code: 'custom', message: p })
})

export const checkBodySchema = z.object({
  domains: z.array(domainNameSchema)
    .min(1, 'Give at least one domain name')
    .max(MAX_CHECK_NAMES, `Check at most ${MAX_CHECK_NAMES} names at once`),
}).strict()

export const purchaseBodySchema = z.object({
  domain: domainNameSchema,
  period: z.number().int('period is a whole number of years').min(1).max(10).optional(),
  auto_renew: z.boolean().optional(),
  privacy_protection: z.boolean().optional(),
  payment_method_id: z.union([z.string().trim().min(1).max(100), z.number().int().nonnegative()]).transform(String).optional(),
}).strict()
export type PurchaseBody = z.infer<typeof purchaseBodySchema>

export const nameserversBodySchema = z.object({
  nameservers: z.array(hostNameSchema)
    .min(MIN_NAMESERVERS, `Give at least ${MIN_NAMESERVERS} nameservers`)
    .max(MAX_NAMESERVERS, `Give at most ${MAX_NAMESERVERS} nameservers`)
    .superRefine((list, ctx) => {
      const dup = list.find((n, i) => list.indexOf(n) !== i)
      if (dup) ctx.addIssue({ code: 'custom', message: `${dup} is listed twice: nameservers must be different` })
    }),
}).strict()
