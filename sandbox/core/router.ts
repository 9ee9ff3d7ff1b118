/** A tiny path router for the simulators: `/servers/:id/power/:action`. */
import type { IncomingHttpHeaders } from 'node:http'

export interface SimRequest {
  method: string
  /** Path below the provider's prefix, e.g. `/servers/12`. */
  path: string
  params: Record<string, string>
  query: Record<string, string>
  headers: IncomingHttpHeaders
  /** Parsed JSON or form body merged as an object; `undefined` when empty. */
  body: Record<string, any> | undefined
  rawBody: string
}

export interface SimResponse {
  status?: number
  json?: unknown
  text?: string
  contentType?: string
  headers?: Record<string, string>
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>

interface Route { method: string, parts: string[], handler: SimHandler }

export class Router {
  private routes: Route[] = []

  on(method: string, pattern: string, handler: SimHandler) {
    this.routes.push({ method: method.toUpperCase(), parts: pattern.split('/').filter(Boolean), handler })
    return this
  }

  get(p: string, h: SimHandler) { return this.on('GET', p, h) }
  post(p: string, h: SimHandler) { return this.on('POST', p, h) }
  put(p: string, h: SimHandler) { return this.on('PUT', p, h) }
  patch(p: string, h: SimHandler) { return this.on('PATCH', p, h) }
  delete(p: string, h: SimHandler) { return this.on('DELETE', p, h) }

  /** The handler and params for a request, `null` for no path, `'method'` for a known path with another method. */
  match(method: string, path: string): { handler: SimHandler, params: Record<string, string> } | null | 'method' {
    const segs = path.split('/').filter(Boolean)
    let pathMatched = false
    for (const r of this.routes) {
      if (r.parts.length !== segs.length) continue
      const params: Record<string, string> = {}
      let ok = true
      for (let i = 0; i < segs.length; i++) {
        const p = r.parts[i]!
        if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(segs[i]!)
        else if (p !== segs[i]) { ok = false; break }
      }
      if (!ok) continue
      pathMatched = true
      if (r.method === method.toUpperCase()) return { handler: r.handler, params }
    }
    return pathMatched ? 'method' : null
  }
}
