import { listAllDomains } from '#server/services/domains/portfolio'

/** Domains of every domain-capable account (each tagged with it); an account that fails is reported in `accounts`. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listAllDomains(user)
})
