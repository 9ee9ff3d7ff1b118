/**
 * A server's interface firewall: `GET /servers/{id}/firewall/{interface}`, `POST …/enable`,
 * `POST …/disable` and `POST …/rules` (ruleset ids replace every rule; an empty list flushes).
 * The spec types these answers `application/octet-stream` though the body is JSON; so do we.
 * Rulesets are defined in the panel; the simulator knows a fixed few.
 */
import type { Router, SimRequest, SimResponse } from '../../core/router'
import { errors } from './respond'
import { isServer, loadServer } from './routes-servers'
import type { SimServer, VirtfusionState } from './state'

/** The panel's rulesets (admin-defined in a real panel): id → the rules they add. */
export const RULESETS: Record<number, { name: string, rules: { direction: string, action: string, protocol: string, port: string | null, source: string }[] }> = {
  1: { name: 'Allow SSH', rules: [{ direction: 'in', action: 'accept', protocol: 'tcp', port: '22', source: '0.0.0.0/0' }] },
  2: { name: 'Allow web', rules: [{ direction: 'in', action: 'accept', protocol: 'tcp', port: '80', source: '0.0.0.0/0' }, { direction: 'in', action: 'accept', protocol: 'tcp', port: '443', source: '0.0.0.0/0' }] },
  5: { name: 'Block SMTP out', rules: [{ direction: 'out', action: 'drop', protocol: 'tcp', port: '25', source: '0.0.0.0/0' }] },
}

const OCTET = 'application/octet-stream'

export function registerFirewallRoutes(router: Router, st: VirtfusionState) {
  const withIface = (fn: (s: SimServer, key: string, req: SimRequest) => SimResponse) => (req: SimRequest) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const iface = req.params.interface
    if (iface !== 'primary' && iface !== 'secondary') return errors(422, 'The interface must be primary or secondary.')
    if (st.buildState(s) !== 'complete') return errors(409, 'The server has not been built.')
    return fn(s, `${s.id}:${iface}`, req)
  }
  const current = (key: string) => st.firewalls.get(key) ?? { enabled: false, rulesets: [] }
  const view = (key: string) => {
    const fw = current(key)
    return { status: 200, json: { data: { enabled: fw.enabled, rules: fw.rulesets.flatMap(id => RULESETS[id]!.rules.map(r => ({ ...r, rulesetId: id }))) } }, contentType: OCTET } satisfies SimResponse
  }

  router.get('/servers/:serverId/firewall/:interface', withIface((_s, key) => view(key)))

  for (const verb of ['enable', 'disable'] as const) {
    router.post(`/servers/:serverId/firewall/:interface/${verb}`, withIface((_s, key) => {
      st.firewalls.set(key, { ...current(key), enabled: verb === 'enable' })
      return { status: 200, json: { data: { enabled: verb === 'enable' } }, contentType: OCTET }
    }))
  }

  router.post('/servers/:serverId/firewall/:interface/rules', withIface((_s, key, req) => {
    const sets = req.body?.rulesets
    if (sets === undefined) return errors(422, 'The rulesets field is required.')
    if (!Array.isArray(sets) || !sets.every(v => Number.isInteger(v))) return errors(422, 'The rulesets must be an array of integers.')
    if (sets.some(v => !RULESETS[v as number])) return errors(422, 'Invalid or disabled firewall ruleset')
    st.firewalls.set(key, { ...current(key), rulesets: [...new Set(sets as number[])] })
    return { status: 201, json: { data: { rulesets: sets } }, contentType: OCTET }
  }))
}
