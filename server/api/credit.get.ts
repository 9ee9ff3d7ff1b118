import { creditOf, creditQuery } from '#server/services/invoicing/payments'

/** The caller's credit balances per currency, its ledger and payment history (admins: any user's). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const q = validQuery(event, creditQuery)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return creditOf(user.role === 'admin' && q.user ? q.user : user.id)
})
