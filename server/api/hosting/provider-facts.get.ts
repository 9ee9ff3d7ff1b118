import { providerFacts } from '#server/services/provider-accounts'

/**
 * What every provider kind can and cannot do beyond its capabilities (fields, rules, look), for
 * the pages of any signed-in user: the server pages offer what a server's provider allows.
 * Nothing account-specific. Admins only in substance: a customer gets an empty list.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  // Customers never see which providers we resell (white label): their servers carry their own facts.
  if (user.role !== 'admin') return []
  return providerFacts()
})
