/** A small client for the running app: JSON in, `{ status, body }` out, cookies or a token. */
import { inject } from 'vitest'
import { checkAgainstDocument } from './openapi-contract'

export const baseUrl = () => inject('baseUrl')
export const sandboxUrl = () => inject('sandboxUrl')

export interface ApiResult<T = any> { status: number, body: T, headers: Headers }

export class Client {
  cookie = ''
  constructor(public token?: string) {}

  async req<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const h: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) h['content-type'] = 'application/json'
    // A browser names its origin on every write (the app refuses cookie writes without it);
    // a token client is a script and sends none.
    if (this.token) h.authorization = `Bearer ${this.token}`
    else h.origin = baseUrl()
    if (this.cookie) h.cookie = this.cookie
    for (const [k, v] of Object.entries(headers)) h[k.toLowerCase()] = v
    const res = await fetch(baseUrl() + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
    const set = res.headers.getSetCookie?.() ?? []
    for (const c of set) {
      const pair = c.split(';')[0]!
      const name = pair.split('=')[0]
      this.cookie = [...this.cookie.split('; ').filter(x => x && !x.startsWith(name + '=')), pair].join('; ')
    }
    const text = await res.text()
    let parsed: any = text
    try { parsed = text ? JSON.parse(text) : undefined }
    catch { /* keep text */ }
    const result = { status: res.status, body: parsed, headers: res.headers }
    await checkAgainstDocument(baseUrl(), method, path, result)
    return result
  }

  get<T = any>(p: string) { return this.req<T>('GET', p) }
  post<T = any>(p: string, b?: unknown, h?: Record<string, string>) { return this.req<T>('POST', p, b ?? {}, h) }
  put<T = any>(p: string, b?: unknown) { return this.req<T>('PUT', p, b ?? {}) }
  patch<T = any>(p: string, b?: unknown) { return this.req<T>('PATCH', p, b ?? {}) }
  del<T = any>(p: string) { return this.req<T>('DELETE', p) }
}

export const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery', name: 'Ada Admin' }

/** Signed-in admin; runs first-run setup when the database is new. */
export async function adminClient(): Promise<Client> {
  const c = new Client()
  const status = await c.get('/api/setup/status')
  if (status.body.needs_setup) {
    const r = await c.post('/api/setup', ADMIN)
    if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`)
    return c
  }
  const r = await c.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password })
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`)
  return c
}

let n = 0
/** A fresh customer account and a client signed in as it. */
export async function customerClient(admin: Client, name = 'Cora Customer'): Promise<{ client: Client, user: any, password: string }> {
  const email = `customer${Date.now()}${n++}@example.com`
  const password = 'customer-pass-123'
  const created = await admin.post('/api/users', { email, name, password, role: 'customer' })
  if (created.status !== 201) throw new Error(`customer create failed: ${JSON.stringify(created.body)}`)
  const c = new Client()
  const r = await c.post('/api/auth/login', { email, password })
  if (r.status !== 200) throw new Error('customer login failed')
  return { client: c, user: created.body, password }
}

export async function sandboxAdmin(path: string, method = 'POST', body?: unknown) {
  const res = await fetch(sandboxUrl() + '/__sandbox' + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
  return res.json()
}

/**
 * Runs `fn` while upstream state changes started in it take `ms` (the suite's are short): what a
 * test asserts about a server that is still changing holds however loaded the machine is.
 */
export async function withSlowTransitions<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const { previous } = await sandboxAdmin('/transition', 'POST', { ms }) as { previous: number }
  try { return await fn() }
  finally { await sandboxAdmin('/transition', 'POST', { ms: previous }) }
}
