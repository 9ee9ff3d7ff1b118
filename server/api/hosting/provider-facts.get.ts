import { providerFacts } from '#server/services/provider-accounts'

/**
 * What every provider kind can and cannot do beyond its capabilities (fields, rules, look), for
 * the pages of any signed-in user: the server pages offer what a server's provider allows.
 * Nothing account-specific: the same for everyone.
 */
export default defineEventHandler(async (event) => {
  await requireUser(event)
  return providerFacts()
})
