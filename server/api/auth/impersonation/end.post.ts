import { endImpersonation } from '#server/services/impersonation'

/** Ends "sign in as": back to the admin's own session (`restored`), or signed out if that one ended meanwhile. */
export default defineEventHandler(async (event) => {
  await requireUser(event)
  return endImpersonation(event)
})
