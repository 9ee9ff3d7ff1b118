/** Shared set-up for the servers suites: the four sandbox accounts and direct upstream calls. */
import { expect, vi } from 'vitest'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { SIMULATORS, type SimulatorName } from '../../sandbox/providers/registry'
import { type Client, sandboxAdmin, sandboxUrl } from './helpers'

/** Every simulated provider, from the sandbox registry (a new one joins these suites by its registry line). */
export const TYPES = Object.keys(SIMULATORS) as SimulatorName[]
export type ProviderType = SimulatorName

export async function configureSandboxAccounts(admin: Client) {
  for (const type of TYPES) {
    const creds = SANDBOX_CREDENTIALS[type]
    const r = await admin.post(`/api/hosting/providers/${type}/configure`, { api_key: creds.api_key, extra: { ...creds.extra, base_url: sandboxBaseUrl(sandboxUrl(), type) } })
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300)
  }
}

/** Calls a simulator directly, as another client of the same provider account would. */
export async function upstream(type: ProviderType, method: string, path: string, body?: unknown) {
  const base = sandboxBaseUrl(sandboxUrl(), type)
  const key = SANDBOX_CREDENTIALS[type].api_key
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
  if (type === 'virtfusion' || type === 'hostinger') headers.authorization = `Bearer ${key}`
  else if (type === 'virtua') headers.authorization = `Basic ${key}`
  // Inferno: the doc's two styles only, GET with `key` in the query or JSON POST with X-Key.
  else if (method === 'GET') path += `${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(key)}`
  else headers['x-key'] = key
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  let json: any = text
  try { json = text ? JSON.parse(text) : undefined }
  catch { /* keep text */ }
  return { status: res.status, body: json }
}

/** Upstream requests the sandbox saw for one provider since `since` (ms epoch). */
export async function upstreamRequests(provider: ProviderType, since = 0): Promise<any[]> {
  const all = await sandboxAdmin(`/requests?provider=${provider}`, 'GET')
  return all.filter((r: any) => r.at >= since)
}

export async function syncAll(admin: Client, account?: string) {
  const r = await admin.post('/api/servers/sync', { wait: true, ...(account ? { account } : {}) })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}

/** Polls GET /api/servers/:id?refresh=1 until `done` holds. */
export async function waitForServer(c: Client, id: string, done: (s: any) => boolean, timeoutMs = 30_000) {
  return vi.waitFor(async () => {
    const r = await c.get(`/api/servers/${id}?refresh=1`)
    if (r.status === 200 && done(r.body)) return r.body
    throw new Error(`server ${id} did not settle: ${JSON.stringify({ status: r.body?.status, raw: r.body?.raw_status, needs_install: r.body?.needs_install })}`)
  }, { timeout: timeoutMs, interval: 250 })
}

/**
 * The whole listing, every page followed by its cursor: other test files leave servers behind,
 * so one page of 100 may not hold them all.
 */
export async function allServers(c: Client, query = '') {
  const base = `/api/servers?per_page=100${query ? `&${query}` : ''}`
  const r = await c.get(base)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  const items = [...r.body.items]
  let cursor: string | null | undefined = r.body.next_cursor
  while (cursor) {
    const next = await c.get(`${base}&cursor=${encodeURIComponent(cursor)}`)
    expect(next.status, JSON.stringify(next.body)).toBe(200)
    items.push(...next.body.items)
    cursor = next.body.next_cursor
  }
  return { ...r.body, items }
}

/** A create body per provider that the sandbox accepts (hostname made unique by the caller). */
export function createBody(type: ProviderType, hostname: string, extra: Record<string, unknown> = {}) {
  const base = {
    virtfusion: { plan: '1', data_center_id: '1', template: '46' },
    virtua: { plan: 'vcs-2-intel.par01fr', template: 'debian-10-64' },
    hostinger: { plan: 'hostingercom-vps-kvm1-usd-1m', data_center_id: '19', template: '1077', password: 'Sandb0x-Passw0rd' },
    inferno: { plan: '303', template: 'debian12-64-default' },
  }[type]
  return { account: type, hostname, ...base, ...extra }
}

export const uniqueHost = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}.example.com`

/** Creates a server through the API and waits until it runs. */
export async function createRunning(admin: Client, type: ProviderType, extra: Record<string, unknown> = {}) {
  const hostname = uniqueHost(type.slice(0, 3))
  const r = await admin.post('/api/servers', createBody(type, hostname, extra), { 'idempotency-key': crypto.randomUUID() })
  expect(r.status, JSON.stringify(r.body)).toBe(202)
  expect(r.body.intent.state).toBe('succeeded')
  return waitForServer(admin, r.body.server.id, s => s.status === 'running' && !s.needs_install, 45_000)
}
