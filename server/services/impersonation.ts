/**
 * "Sign in as" a customer: an admin's browser gets a session of the customer's, marked with the
 * admin (every audit entry made in it names them) and the admin's own session to return to.
 * One click ends it: the customer session is revoked and the admin's comes back, if still live.
 * Only browser sessions can do it (an API token has no cookie to swap), never nested, never to
 * an admin or a disabled account; while it lasts the account's own credentials cannot change.
 */
import type { H3Event } from 'h3'
import { audit } from './audit'
import { getUser } from './users'
import { resolveSession, revokeSession } from './sessions'
import { httpError } from '../lib/http-errors'
import type { User } from '../db/schema'

export async function startImpersonation(event: H3Event, admin: User, customerId: string) {
  const own = event.context.browserSession
  if (event.context.authVia !== 'session' || !own) throw httpError(400, 'Signing in as a customer needs a browser session, not an API token', 'impersonation_needs_session')
  if (own.impersonatorId) throw httpError(409, 'Return to your own account before signing in as another customer', 'impersonation_nested')
  const customer = await getUser(customerId)
  if (!customer) throw httpError(404, 'User not found', 'user_not_found')
  if (customer.role !== 'customer') throw httpError(409, 'Only customer accounts can be signed in as', 'impersonation_not_customer')
  if (customer.disabled) throw httpError(409, 'This account is disabled: enable it first', 'impersonation_disabled_user')
  await audit({ userId: admin.id, action: 'user.impersonation_started', target: customer.email, details: { customer_id: customer.id } })
  await startBrowserSession(event, customer, { impersonatorId: admin.id, returnSessionId: own.id })
  return customer
}

/** Ends a "sign in as" session; answers whether the admin's own session came back (else they sign in again). */
export async function endImpersonation(event: H3Event): Promise<{ restored: boolean }> {
  const s = event.context.browserSession
  const customer = event.context.user
  if (!s?.impersonatorId || !customer) throw httpError(409, 'This session is not a "sign in as" session', 'impersonation_not_active')
  await revokeSession(s.id)
  await audit({ userId: s.impersonatorId, action: 'user.impersonation_ended', target: customer.email, details: { customer_id: customer.id }, event })
  const back = s.returnSessionId ? await resolveSession(s.returnSessionId) : null
  if (back && back.user.id === s.impersonatorId && !back.session.impersonatorId) {
    await replaceUserSession(event, { secure: { sid: back.session.id } })
    return { restored: true }
  }
  await clearUserSession(event)
  return { restored: false }
}
