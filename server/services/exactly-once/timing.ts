/** The engine's clocks, from the environment (tests shorten them). */
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}

export const upstreamTimeoutMs = () => num('UPSTREAM_TIMEOUT_MS', 15_000)
/** An unknown outcome still without evidence this long after the call goes to needs_review. */
export const settleDeadlineMs = () => num('EXACTLY_ONCE_DEADLINE_MS', 10 * 60_000)
/** First re-check of an unknown outcome; doubles each time, at most a minute. */
export const recheckBaseMs = () => num('EXACTLY_ONCE_RECHECK_MS', 5_000)
/** How long a repeated request waits for the first one before answering its current state. */
export const followWaitMs = () => 4 * upstreamTimeoutMs() + 10_000
/** An in_flight intent untouched this long lost its request (a crash mid-call). */
export const staleInFlightMs = () => 3 * upstreamTimeoutMs() + 30_000
/** A pending intent untouched this long never sent anything (it dies before in_flight). */
export const stalePendingMs = () => 10 * 60_000
