/**
 * `npx tsx bench/virtfusion-sync.bench.ts`: one VirtFusion inventory sync (the adapter's
 * listServers, which is what the sync job calls) over 1,000 servers, with the sandbox answering
 * every request after 200 ms (BENCH_LATENCY_MS). Prints the first sync (nothing known yet) and
 * a second one right after, with the number of upstream requests each made.
 */
import { startSandbox } from '../sandbox/server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../sandbox/credentials'
import type { VirtfusionState } from '../sandbox/providers/virtfusion'
import { createAdapter } from '../server/providers/registry'

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200)
const SERVERS = Number(process.env.BENCH_SERVERS ?? 1000)

const sandbox = await startSandbox({ latencyMs: 0, transitionMs: 300, contract: false })
try {
  const state = sandbox.sims.virtfusion.state as VirtfusionState
  const template = state.servers.find(s => s.built) ?? state.servers[0]!
  const base = Math.max(...state.servers.map(s => s.id)) + 1
  for (let i = state.servers.length; i < SERVERS; i++) {
    const id = base + i
    state.servers.push({ ...structuredClone(template), id, uuid: crypto.randomUUID(), name: `bench-${id}`, hostname: `bench-${id}.example.com` })
  }
  sandbox.faults.globalLatencyMs = LATENCY_MS
  const adapter = createAdapter('virtfusion', {
    slug: 'bench-vf',
    credentials: { apiKey: SANDBOX_CREDENTIALS.virtfusion.api_key },
    settings: { base_url: sandboxBaseUrl(sandbox.url, 'virtfusion'), ...SANDBOX_CREDENTIALS.virtfusion.extra },
  }, { timeoutMs: 60_000 })
  for (const label of ['first sync', 'second sync']) {
    sandbox.requests.length = 0
    const t0 = performance.now()
    const list = await adapter.listServers()
    const ms = performance.now() - t0
    const live = sandbox.requests.filter(r => r.query.remoteState === 'true').length
    console.log(`${label}: ${list.length} servers in ${(ms / 1000).toFixed(1)} s, ${sandbox.requests.length} upstream requests (${live} with remoteState), ${LATENCY_MS} ms each`)
  }
}
finally {
  await sandbox.close()
}
