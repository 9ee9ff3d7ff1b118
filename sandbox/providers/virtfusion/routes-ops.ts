/**
 * Day-2 reads and one change, as the spec's examples show them: a server's traffic per monthly
 * period (GET /servers/{id}/traffic), its backups (GET /backups/server/{id}) and its name
 * (PUT /servers/{id}/modify/name, answered 201 without a body).
 */
import type { Router } from '../../core/router'
import { errors } from './respond'
import { isServer, loadServer } from './routes-servers'
import type { SimServer, VirtfusionState } from './state'

const DAY = 86_400_000
/** "2025-01-06 00:00:00", the spec's wording of a period's bounds (UTC). */
const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')

/** Periods of 30 days back from now, newest first, none before the server existed. */
function monthly(s: SimServer, now: number) {
  const created = Date.parse(s.created)
  const out = []
  for (let i = 0, end = now; i < 3 && end > created; i++, end -= 30 * DAY) {
    const start = end - 30 * DAY
    const rx = 1_800_000_000 + (s.id * 7919 + i * 104_729) % 900_000_000
    const tx = 40_000_000 + (s.id * 104_729 + i * 7919) % 20_000_000
    out.push({ month: i + 1, start: stamp(start), end: stamp(end - 1000), rx, tx, total: rx + tx, limit: s.resources.traffic, blocks: [] })
  }
  return out
}

export function registerOpsRoutes(router: Router, st: VirtfusionState) {
  router.get('/servers/:serverId/traffic', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    return { json: { data: { monthly: st.buildState(s) === 'complete' ? monthly(s, st.now()) : [] } } }
  })

  router.get('/backups/server/:serverId', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    if (st.buildState(s) !== 'complete') return { json: { data: [] } }
    const at = (daysAgo: number) => new Date(st.now() - daysAgo * DAY).toISOString().replace(/\.\d{3}Z$/, '+00:00')
    const data = [2, 1].map((daysAgo, i) => ({
      id: s.id * 100 + i + 1, serverId: s.id, storage: { id: 5, name: 'Backup Server 1', enabled: true },
      deleting: false, restoring: false, progress: false, complete: true, deleteAfter: null, created: at(daysAgo), updated: at(daysAgo),
    }))
    return { json: { data } }
  })

  router.put('/servers/:serverId/modify/name', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const name = req.body?.name
    if (name === undefined || name === null || name === '') return errors(422, 'The name field is required.')
    if (typeof name !== 'string' || name.length > 255) return errors(422, 'The name must be a string of at most 255 characters.')
    s.name = name
    s.updated = st.iso()
    return { status: 201 }
  })
}
