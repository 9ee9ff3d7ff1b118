/** Starting a browser session: a `sessions` row, and a sealed cookie that holds only its id. */
import type { H3Event } from 'h3'
import { requestOrigin } from '../services/audit'
import { createSession } from '../services/sessions'
import type { User } from '../db/schema'

/** `as`: an admin signing in as a customer, and the admin's session to return to. */
export async function startBrowserSession(event: H3Event, user: User, as?: { impersonatorId: string, returnSessionId: string }) {
  const row = await createSession(user.id, { ip: requestOrigin(event).ip, userAgent: requestOrigin(event).userAgent, ...as })
  await replaceUserSession(event, { secure: { sid: row.id } })
  event.context.user = user
  event.context.authVia = 'session'
  event.context.browserSession = row
  return row
}
