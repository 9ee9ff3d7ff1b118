/**
 * Sign-in throttling with rate-limiter-flexible, stored in the app's own database (table
 * `rate_limits`) so it holds across app instances and works on PGlite and PostgreSQL alike.
 *
 * Only failures count. Per account: 5 in 15 minutes, then 429 until the window ends. Per IP: a
 * looser LOGIN_IP_MAX_FAILURES (default 50) in 15 minutes. The key is the typed email, so an
 * unknown account is throttled exactly like a real one.
 *
 * rate-limiter-flexible's own RateLimiterDrizzle imports drizzle-orm at run time by a computed
 * name, which a Nitro bundle cannot resolve; this subclass keeps its counting logic and swaps in
 * the three store queries written against our Drizzle handle.
 */
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm'
import { RateLimiterDrizzle, type RateLimiterRes } from 'rate-limiter-flexible'
import { useDb } from '../db/client'
import { rateLimits } from '../db/schema'
import { env } from '../lib/config'

const WINDOW_SECONDS = 15 * 60
export const ACCOUNT_MAX_FAILURES = 5

class RateLimiterAppDb extends RateLimiterDrizzle {
  constructor(opts: { keyPrefix: string, points: number, duration: number }) {
    super({ ...opts, schema: rateLimits, storeClient: {}, clearExpiredByTimeout: false } as any)
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const db = await useDb()
    const now = new Date()
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null
    const expired = sql`${rateLimits.expire} <= ${now.toISOString()}::timestamptz`
    const [row] = await db.insert(rateLimits).values({ key, points, expire })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: forceExpire
          ? { points, expire }
          : {
              points: sql`CASE WHEN ${expired} THEN ${points}::integer ELSE ${rateLimits.points} + ${points}::integer END`,
              expire: sql`CASE WHEN ${expired} THEN ${expire?.toISOString() ?? null}::timestamptz ELSE ${rateLimits.expire} END`,
            },
      })
      .returning()
    // Now and then, drop rows that ended over an hour ago so the table stays small.
    if (Math.random() < 0.02) await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 3_600_000)))
    return row
  }

  async _get(key: string) {
    const db = await useDb()
    const [row] = await db.select().from(rateLimits)
      .where(and(eq(rateLimits.key, key), or(gt(rateLimits.expire, new Date()), isNull(rateLimits.expire))))
    return row ?? null
  }

  async _delete(key: string) {
    const db = await useDb()
    const rows = await db.delete(rateLimits).where(eq(rateLimits.key, key)).returning({ key: rateLimits.key })
    return rows.length > 0
  }
}

let limiters: { account: RateLimiterAppDb, ip: RateLimiterAppDb } | undefined
function useLimiters() {
  limiters ??= {
    account: new RateLimiterAppDb({ keyPrefix: 'login_account', points: ACCOUNT_MAX_FAILURES, duration: WINDOW_SECONDS }),
    ip: new RateLimiterAppDb({ keyPrefix: 'login_ip', points: env().LOGIN_IP_MAX_FAILURES, duration: WINDOW_SECONDS }),
  }
  return limiters
}

const accountKey = (email: string) => email.trim().toLowerCase()
const ipKey = (ip: string | null | undefined) => ip || 'unknown'

function blockedFor(res: RateLimiterRes | null, max: number): number {
  return res && res.consumedPoints >= max ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0
}

/** Seconds the caller must wait before trying this account from this IP again; 0 when free to try. */
export async function loginRetryAfter(email: string, ip: string | null | undefined): Promise<number> {
  const l = useLimiters()
  const [a, i] = await Promise.all([l.account.get(accountKey(email)), l.ip.get(ipKey(ip))])
  return Math.max(blockedFor(a, l.account.points), blockedFor(i, l.ip.points))
}

export async function recordLoginFailure(email: string, ip: string | null | undefined) {
  const l = useLimiters()
  await Promise.all([l.account.penalty(accountKey(email), 1), l.ip.penalty(ipKey(ip), 1)])
}

/** A successful sign-in clears the account's count (not the IP's: one good password does not vouch for the rest). */
export async function recordLoginSuccess(email: string) {
  await useLimiters().account.delete(accountKey(email))
}
