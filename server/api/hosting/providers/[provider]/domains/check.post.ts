import { checkBodySchema } from '#shared/domains/schema'
import { requireAccount } from '#server/services/provider-accounts'
import { checkAvailability } from '#server/services/domains/portfolio'

/** Seed: availability (and first-year price where sold) of 1–20 names, in the order given. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const { domains } = await validBody(event, checkBodySchema)
  return checkAvailability(await requireAccount(provider), domains)
})
