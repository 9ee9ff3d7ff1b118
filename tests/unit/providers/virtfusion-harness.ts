/**
 * The set-up every VirtFusion adapter test shares: one sandbox per file (reset before each test),
 * an adapter bound to it, and views of the simulator's state and request log.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../../sandbox/credentials'
import type { VirtfusionState } from '../../../sandbox/providers/virtfusion'
import { createAdapter, type AdapterOverrides } from '../../../server/providers/registry'
import type { VirtfusionAdapter } from '../../../server/providers/virtfusion'

// A live binding: test files read the sandbox the hooks below start.
// eslint-disable-next-line import/no-mutable-exports
export let sb: Sandbox
/**
 * Long enough that no transition ends on the wall clock, however loaded the machine: the tests
 * end them by moving the simulator's own clock (`state().advance(TRANSITION_MS)`).
 */
export const TRANSITION_MS = 60_000
beforeAll(async () => { sb = await startSandbox({ transitionMs: TRANSITION_MS }) })
afterAll(async () => { await sb.close() })
beforeEach(() => sb.reset())

export const TOKEN = SANDBOX_CREDENTIALS.virtfusion.api_key
/** `settings` replaces the sandbox defaults (user_id, hypervisor_id) when given. */
export function adapter(overrides: AdapterOverrides = {}, settings: Record<string, string> = SANDBOX_CREDENTIALS.virtfusion.extra) {
  return createAdapter('virtfusion', {
    slug: 'virtfusion',
    credentials: { apiKey: TOKEN },
    settings: { base_url: sandboxBaseUrl(sb.url, 'virtfusion'), ...settings },
  }, { sleep: async () => {}, ...overrides }) as VirtfusionAdapter
}
export const state = () => sb.sims.virtfusion.state as VirtfusionState
export const reqs = () => sb.requests.filter(r => r.provider === 'virtfusion')
