/**
 * The session id a request's sealed session cookie carries. Unsealing it (iron: two PBKDF2 key
 * derivations, an HMAC and an AES decryption) costs more than the rest of a small request, so
 * its result is kept per sealed string. The string is authenticated by its HMAC, so one string
 * always unseals to the same id; the entry ends when the seal itself would (h3 refuses a
 * session older than `maxAge`). Whether that session still counts is not this cache's to say:
 * services/sessions.ts asks the sessions table.
 */
import type { H3Event } from 'h3'
import { getCookie, getRequestHeader } from 'h3'
import { SESSION_COOKIE } from '../lib/csrf'
import { ExpiringLru } from '../lib/expiring-lru'

/** ~300 bytes a sealed string: a few MB at most. */
const unsealedIds = new ExpiringLru<string, string>(10_000)

export async function sessionIdFromCookie(event: H3Event): Promise<string | undefined> {
  const config = useRuntimeConfig().session as { name?: string, maxAge?: number }
  const name = config.name || SESSION_COOKIE
  // Where h3 reads the sealed session from, in its order: its header, else the cookie.
  const header = getRequestHeader(event, `x-${name.toLowerCase()}-session`)
  const sealed = typeof header === 'string' ? header : getCookie(event, name)
  const known = sealed ? unsealedIds.get(sealed) : undefined
  if (known) return known

  const sid = (await getUserSession(event)).secure?.sid
  if (typeof sid !== 'string') return undefined
  const createdAt = event.context.sessions?.[name]?.createdAt
  if (sealed && createdAt) unsealedIds.set(sealed, sid, config.maxAge ? createdAt + config.maxAge * 1000 : Number.POSITIVE_INFINITY)
  return sid
}
