/** Shared setup for the Virtua.cloud tests: a sandbox and an adapter pointed at it. */
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import { vi } from 'vitest'
import type { Sandbox } from '../../../sandbox/server'
import type { VirtuaState } from '../../../sandbox/providers/virtua/state'
import { createAdapter } from '../../../server/providers/registry'
import type { VirtuaAdapter } from '../../../server/providers/virtua'

export const TRANSITION_MS = 100
export const WIN_SERVER = '4768103d-7e0b-46c8-8f65-360bcd7b3322'
export const STOPPED_SERVER = '9c2e7a51-0b3f-4d8e-a6c1-5f4b3a2e1d07'
export const SUSPENDED_SERVER = 'd41f6b83-72ac-4e19-b5d0-8a9c0e3f2b64'
export const PROJECT = '6f1c2b1e-3a4d-4f5e-9a7b-1c2d3e4f5a6b'

export function makeAdapter(sb: Sandbox, opts: { apiKey?: string, settings?: Record<string, string>, timeoutMs?: number } = {}) {
  return createAdapter('virtua', {
    slug: 'virtua',
    credentials: { apiKey: opts.apiKey ?? SANDBOX_CREDENTIALS.virtua.api_key },
    settings: { base_url: sandboxBaseUrl(sb.url, 'virtua'), ...SANDBOX_CREDENTIALS.virtua.extra, ...opts.settings },
  }, { sleep: async () => {}, logger: () => {}, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) }) as VirtuaAdapter
}

export function virtuaRequests(sb: Sandbox) {
  return sb.requests.filter(r => r.provider === 'virtua')
}

export function lastRequest(sb: Sandbox) {
  const all = virtuaRequests(sb)
  return all[all.length - 1]!
}

/** Until no simulated server has a transition still running (the sim settles it on the next request). */
export async function settle(sb: Sandbox) {
  const state = sb.sims.virtua.state as VirtuaState
  await vi.waitFor(() => {
    const busy = [...state.servers.values()].some(s => s.pending && s.pending.until > Date.now())
    if (busy) throw new Error('a Virtua transition is still running')
  }, { timeout: 10_000, interval: 20 })
}
