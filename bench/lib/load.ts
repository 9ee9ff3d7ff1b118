/**
 * A small closed-loop load generator: `connections` loops, each on its own keep-alive socket,
 * send GETs back to back for `durationMs`. The same loop measures the app and the bare h3
 * baseline, so the ratio compares servers, not clients.
 */
import http from 'node:http'

export interface LoadResult { rps: number, p50: number, p95: number, requests: number, errors: number }

export const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, headers }, (res) => {
      res.on('data', () => {})
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

export async function load(target: string, opts: { connections: number, durationMs: number, headers?: Record<string, string> }): Promise<LoadResult> {
  const url = new URL(target)
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections })
  const headers = { accept: 'application/json', ...opts.headers }
  // Warm the sockets (and the route) before the clock starts.
  await Promise.all(Array.from({ length: opts.connections }, () => get(agent, url, headers)))
  const times: number[] = []
  let errors = 0
  const t0 = performance.now()
  const end = t0 + opts.durationMs
  await Promise.all(Array.from({ length: opts.connections }, async () => {
    while (performance.now() < end) {
      const s = performance.now()
      const status = await get(agent, url, headers).catch(() => 0)
      if (status !== 200) errors++
      times.push(performance.now() - s)
    }
  }))
  const elapsed = performance.now() - t0
  agent.destroy()
  return { rps: (times.length / elapsed) * 1000, p50: percentile(times, 50), p95: percentile(times, 95), requests: times.length, errors }
}

/** p95 of `n` sequential runs of `fn` (after two warm-up runs). */
export async function p95Of(n: number, fn: () => Promise<unknown>): Promise<{ p50: number, p95: number }> {
  await fn()
  await fn()
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const s = performance.now()
    await fn()
    times.push(performance.now() - s)
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

/**
 * Two targets measured in alternating slices (which goes first alternates too), so both see the
 * same machine load: on a shared machine the load changes within seconds, and one run after the
 * other compared the app under one load with the baseline under another.
 */
export async function loadInterleaved(a: string, b: string, opts: { connections: number, durationMs: number, headers?: Record<string, string>, slices?: number }): Promise<[LoadResult, LoadResult]> {
  const slices = opts.slices ?? 10
  const sliceMs = opts.durationMs / slices
  const runs: [LoadResult[], LoadResult[]] = [[], []]
  for (let i = 0; i < slices; i++) {
    const order = i % 2 ? [1, 0] as const : [0, 1] as const
    for (const which of order) runs[which].push(await load(which ? b : a, { ...opts, durationMs: sliceMs }))
  }
  const merge = (rs: LoadResult[]): LoadResult => {
    const requests = rs.reduce((s, r) => s + r.requests, 0)
    return {
      rps: (requests / (sliceMs * slices)) * 1000,
      p50: percentile(rs.map(r => r.p50), 50),
      p95: percentile(rs.map(r => r.p95), 50),
      requests,
      errors: rs.reduce((s, r) => s + r.errors, 0),
    }
  }
  return [merge(runs[0]), merge(runs[1])]
}
