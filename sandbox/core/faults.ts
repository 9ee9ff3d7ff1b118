/**
 * Per-provider fault injection: latency, error statuses (with Retry-After), hangs (for
 * timeouts), HTML bodies (a Cloudflare challenge) and connection resets. By default a fault
 * answers instead of the simulator (nothing happens upstream); with `afterEffect` the simulator
 * acts first and the fault replaces its answer (the create happened, the answer is lost). A fault
 * with `count` applies to that many matching requests, then disappears.
 */
export interface Fault {
  /** Only requests whose path (below the provider prefix) and query contain this. */
  match?: string
  /** Only requests to exactly this path (below the provider prefix, without the query). */
  path?: string
  /** Only this method. */
  method?: string
  latencyMs?: number
  status?: number
  retryAfter?: number | string
  /** Never answer (the client's timeout fires). */
  hang?: boolean
  /** Answer 200 (or `status`) with an HTML page. */
  html?: boolean
  /** Let the request reach the simulator (its effect happens) but hang the answer: a lost reply. */
  hangAfter?: boolean
  /** Answer late with what the simulator saw on arrival: a slow reply whose data is already old. */
  latencyAfterMs?: number
  /** Drop the connection without an answer (the client sees a reset). */
  reset?: boolean
  /** Apply the fault after the simulator handled the request (its effect happens). */
  afterEffect?: boolean
  count?: number
}

export class FaultBook {
  private faults = new Map<string, Fault[]>()
  /** Added to every request of every provider (benchmarks). */
  globalLatencyMs = 0

  add(provider: string, fault: Fault) {
    const list = this.faults.get(provider) ?? []
    list.push({ ...fault })
    this.faults.set(provider, list)
  }

  clear(provider?: string) {
    if (provider) this.faults.delete(provider)
    else this.faults.clear()
  }

  /** The fault that applies to this request, consuming one use of it. */
  take(provider: string, method: string, path: string): Fault | undefined {
    const list = this.faults.get(provider)
    if (!list) return undefined
    const bare = path.split('?')[0]
    const i = list.findIndex(f => (!f.match || path.includes(f.match)) && (!f.path || f.path === bare) && (!f.method || f.method.toUpperCase() === method))
    if (i < 0) return undefined
    const f = list[i]!
    if (f.count !== undefined) {
      f.count -= 1
      if (f.count <= 0) list.splice(i, 1)
    }
    return f
  }
}

export const HTML_CHALLENGE = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser before accessing the site.</body></html>'
