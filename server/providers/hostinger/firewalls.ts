/**
 * Hostinger's account-level firewalls (VPS_*Firewall*V1): a firewall holds rules and is
 * activated on VMs (one active firewall per VM); a changed firewall is synced to each VM.
 */
import { resultMessage } from '#shared/providers/action-results'
import { providerError } from '../errors'
import type { HttpClient } from '../http'
import type { ActionResult, Firewall, FirewallRule, FirewallRuleInput } from '../types'
import { PATHS } from './client'
import type { HAction, HFirewall, HFirewallRule, HPage, HVirtualMachine } from './upstream'

const BASE = '/api/vps/v1/firewall'
const MAX_PAGES = 100
const enc = encodeURIComponent

export const mapFirewallRule = (r: HFirewallRule): FirewallRule => ({
  id: String(r.id), action: r.action ?? 'accept', protocol: r.protocol ?? 'any', port: r.port ?? 'any', source: r.source ?? 'any', sourceDetail: r.source_detail ?? 'any',
})

/** `vms`: the account's VMs, whose `firewall_group_id` says which firewall is active on each. */
export const mapFirewall = (f: HFirewall, vms: HVirtualMachine[] = []): Firewall => ({
  id: String(f.id), name: f.name ?? `Firewall ${f.id}`, synced: f.is_synced === true, rules: (f.rules ?? []).map(mapFirewallRule),
  createdAt: f.created_at ?? null, updatedAt: f.updated_at ?? null,
  vmIds: vms.filter(v => v.firewall_group_id === f.id).map(v => String(v.id)),
})

const ruleBody = (r: FirewallRuleInput) => ({ protocol: r.protocol, port: r.port, source: r.source, source_detail: r.sourceDetail })

function id(name: string, value: string, what: string): string {
  if (!/^\d+$/.test(value)) throw providerError(name, 'not_found', `${name}: no ${what} "${value}" (ids are numbers)`)
  return enc(value)
}

export function hostingerFirewalls(http: HttpClient, name: string) {
  const fwPath = (fw: string) => `${BASE}/${id(name, fw, 'firewall')}`
  const action = (verb: string, a: HAction | undefined): ActionResult => ({ status: verb, ...(a?.id ? resultMessage('provider_action', { provider: name, id: a.id, state: String(a.state) }) : {}) })
  /** The firewall resource does not say where it is active; the VM list does. */
  const vms = () => http.get<HVirtualMachine[]>(PATHS.vms)
  return {
    async list(): Promise<Firewall[]> {
      const rows: HFirewall[] = []
      for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await http.get<HPage<HFirewall>>(BASE, { page })
        rows.push(...(res.data ?? []))
        const total = res.meta?.total ?? rows.length
        if (!res.data?.length || rows.length >= total) break
      }
      if (!rows.length) return []
      const all = await vms()
      return rows.map(f => mapFirewall(f, all))
    },
    async get(fw: string) {
      const f = await http.get<HFirewall>(fwPath(fw))
      return mapFirewall(f, await vms())
    },
    async create(input: { name: string }) {
      return mapFirewall((await http.request<HFirewall>({ method: 'POST', path: BASE, json: { name: input.name }, idempotent: false })).data)
    },
    async remove(fw: string) { await http.request({ method: 'DELETE', path: fwPath(fw) }) },
    async addRule(fw: string, r: FirewallRuleInput) {
      return mapFirewallRule((await http.request<HFirewallRule>({ method: 'POST', path: `${fwPath(fw)}/rules`, json: ruleBody(r), idempotent: false })).data)
    },
    async updateRule(fw: string, rule: string, r: FirewallRuleInput) {
      return mapFirewallRule((await http.request<HFirewallRule>({ method: 'PUT', path: `${fwPath(fw)}/rules/${id(name, rule, 'firewall rule')}`, json: ruleBody(r), idempotent: true })).data)
    },
    async removeRule(fw: string, rule: string) { await http.request({ method: 'DELETE', path: `${fwPath(fw)}/rules/${id(name, rule, 'firewall rule')}` }) },
    async activate(fw: string, vm: string) {
      return action('activated', (await http.request<HAction>({ method: 'POST', path: `${fwPath(fw)}/activate/${id(name, vm, 'virtual machine')}` })).data)
    },
    async deactivate(fw: string, vm: string) {
      return action('deactivated', (await http.request<HAction>({ method: 'POST', path: `${fwPath(fw)}/deactivate/${id(name, vm, 'virtual machine')}` })).data)
    },
    async sync(fw: string, vm: string) {
      return action('synced', (await http.request<HAction>({ method: 'POST', path: `${fwPath(fw)}/sync/${id(name, vm, 'virtual machine')}`, idempotent: true })).data)
    },
  }
}
