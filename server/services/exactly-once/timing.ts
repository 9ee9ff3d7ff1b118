/** The engine's clocks, from the configuration (tests shorten them). */
import { env } from '#server/lib/config'

export const upstreamTimeoutMs = () => env().UPSTREAM_TIMEOUT_MS
/** An unknown outcome still without evidence this long after the call goes to needs_review. */
export const settleDeadlineMs = () => env().EXACTLY_ONCE_DEADLINE_MS
/** First re-check of an unknown outcome; doubles each time, at most a minute. */
export const recheckBaseMs = () => env().EXACTLY_ONCE_RECHECK_MS
/** How long a repeated request waits for the first one before answering its current state. */
export const followWaitMs = () => 4 * upstreamTimeoutMs() + 10_000
/** An in_flight intent untouched this long lost its request (a crash mid-call). */
export const staleInFlightMs = () => 3 * upstreamTimeoutMs() + 30_000
/** A pending intent untouched this long never sent anything (it dies before in_flight). */
export const stalePendingMs = () => 10 * 60_000
