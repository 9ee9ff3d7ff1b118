/**
 * Addresses and the backup plan, as the spec describes them:
 *  - POST /servers/{id}/ipv4Qty {interface, quantity} → 200 `{"data":["192.168.4.36", …]}` (free addresses of the hypervisor's block);
 *  - POST /servers/{id}/ipv4 {interface, ip: [...]} → 204 (named addresses, each free and in the block);
 *  - DELETE /servers/{id}/ipv4 {interface, ip: [...]} → 204 (each must be the server's);
 *  - PUT /servers/{id}/backups/plan/{planId} → 201 without a body (0 removes the plan).
 * The spec documents no refusal; the panel's own is a 422 `{"errors":[…]}` (see deviations.ts).
 */
import type { Router, SimRequest, SimResponse } from '../../core/router'
import { errors, isResponse, noContent, pathId } from './respond'
import { isServer, loadServer } from './routes-servers'
import type { SimServer, VirtfusionState } from './state'

/** At most this many addresses per call (a panel's block runs out; a typo of 1000 should not). */
const MAX_PER_CALL = 16

function checkInterface(s: SimServer, req: SimRequest): SimResponse | null {
  const iface = req.body?.interface
  if (iface !== 'primary' && iface !== 'secondary') return errors(422, 'The interface must be primary or secondary.')
  // Simulated servers have one (primary) interface.
  if (iface === 'secondary') return errors(422, `Server ${s.id} has no secondary interface.`)
  return null
}

/** The server the path names, on an interface it has: or the refusal. */
function serverOnInterface(st: VirtfusionState, req: SimRequest): SimServer | SimResponse {
  const s = loadServer(st, req)
  if (!isServer(s)) return s
  return checkInterface(s, req) ?? s
}

function addressList(req: SimRequest): string[] | SimResponse {
  const ip = req.body?.ip
  if (!Array.isArray(ip) || !ip.length || !ip.every(a => typeof a === 'string')) return errors(422, 'The ip field must be a non-empty array of addresses.')
  if (ip.length > MAX_PER_CALL) return errors(422, `At most ${MAX_PER_CALL} addresses at a time.`)
  return ip as string[]
}

export function registerNetworkRoutes(router: Router, st: VirtfusionState) {
  const inUse = (address: string) => st.servers.some(x => x.ipv4.some(a => a.address === address))
  const blockOf = (s: SimServer) => st.hypervisors.find(h => h.id === s.hypervisorId)!

  router.post('/servers/:serverId/ipv4Qty', (req) => {
    const s = serverOnInterface(st, req)
    if (!isServer(s)) return s
    const q = req.body?.quantity
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > MAX_PER_CALL) return errors(422, `The quantity must be a whole number from 1 to ${MAX_PER_CALL}.`)
    const added = st.addAddresses(s, q)
    if (!added) return errors(422, 'Not enough free IPv4 addresses in the block.')
    return { json: { data: added } }
  })

  router.post('/servers/:serverId/ipv4', (req) => {
    const s = serverOnInterface(st, req)
    if (!isServer(s)) return s
    const list = addressList(req)
    if (!Array.isArray(list)) return list
    const hv = blockOf(s)
    for (const a of list) {
      if (!a.startsWith(hv.ipv4Prefix) || !/^\d{1,3}$/.test(a.slice(hv.ipv4Prefix.length)) || Number(a.slice(hv.ipv4Prefix.length)) > 254) return errors(422, `${a} is not in the server's IPv4 block.`)
      if (inUse(a)) return errors(422, `${a} is already assigned.`)
    }
    if (new Set(list).size !== list.length) return errors(422, 'An address is listed twice.')
    st.addAddresses(s, list)
    return noContent
  })

  router.delete('/servers/:serverId/ipv4', (req) => {
    const s = serverOnInterface(st, req)
    if (!isServer(s)) return s
    const list = addressList(req)
    if (!Array.isArray(list)) return list
    for (const a of list) if (!s.ipv4.some(x => x.address === a)) return errors(422, `${a} is not assigned to server ${s.id}.`)
    s.ipv4 = s.ipv4.filter(x => !list.includes(x.address))
    s.updated = st.iso()
    return noContent
  })

  router.put('/servers/:serverId/backups/plan/:planId', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const planId = pathId(req, 'planId')
    if (isResponse(planId)) return planId
    if (planId !== 0 && !st.backupPlans.some(p => p.id === planId)) return errors(422, `Backup plan ${planId} does not exist.`)
    s.backupPlanId = planId || null
    s.updated = st.iso()
    return { status: 201 }
  })
}
