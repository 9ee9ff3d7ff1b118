/**
 * Console sessions: the provider's VNC websocket (the browser connects to it directly, as the
 * provider gives it) or a sign-in link to its own console. The session's address carries a
 * short-lived token: it goes to the caller only, never into the audit log or our logs.
 */
import type { User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { NotSupportedError } from '#server/providers/errors'
import type { ConsoleSession, ConsoleType } from '#server/providers/types'
import type { ConsoleSessionView } from '#shared/schemas/console-firewall'
import { audit } from '../audit'
import type { Target } from './target'

/** 501 with the provider's reason before anything else, then 404 for a server gone upstream. */
export function requireCapability(t: Target, group: 'console' | 'firewall', what: string) {
  const meta = t.adapter.meta
  const cap = meta.capabilities[group]
  if (!cap?.supported) throw new NotSupportedError(meta.displayName, what, cap?.note)
  if (t.row.server.goneAt) throw httpError(404, `No server "${t.row.server.upstreamId}" on ${t.account.slug}: it is gone upstream`, 'server_not_found')
}

const toView = (s: ConsoleSession): ConsoleSessionView => ({ type: s.type, url: s.url, expires_at: s.expiresAt, password: s.password })

export async function openConsole(t: Target, type: ConsoleType | undefined, user: User): Promise<ConsoleSessionView> {
  requireCapability(t, 'console', 'a server console')
  const session = await t.adapter.openConsole(t.row.server.upstreamId, { type })
  // Who opened which console and of what kind; never the address (it holds the token).
  await audit({ userId: user.id, action: 'server.console', target: t.row.server.id, details: { account: t.account.slug, upstream_id: t.row.server.upstreamId, type: session.type } })
  return toView(session)
}
