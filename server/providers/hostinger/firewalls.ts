/**
 * Hostinger's account-level firewalls (VPS_*Firewall*V1): a firewall holds rules and is
 * activated on VMs (one active firewall per VM); a changed firewall is synced to each VM.
 */
import { providerError } from '../errors'
import type { HttpClient } from '../http'
import type { ActionResult, Firewall, FirewallRule, FirewallRuleInput } from '../types'
import type { HAction, HFirewall, HFirewallRule, HPage } from './upstream'

const BASE = '/api/vps/v1/firewall'
const MAX_PAGES = 100
const enc = encodeURIComponent

export const mapFirewallRule = (r: HFirewallRule): FirewallRule => ({
  id: String(r.id), action: r.action ?? 'accept', protocol: r.protocol ?? 'any', port: r.port ?? 'any', source: r.source ?? 'any', sourceDetail: r.source_detail ?? 'any',
})

export const mapFirewall = (f: HFirewall): Firewall => ({
  id: String(f.id), name: f.name ?? `Firewall ${f.id}`, synced: f.is_synced === true, rules: (f.rules ?? []).map(mapFirewallRule),
  createdAt: f.created_at ?? null, updatedAt: f.updated_at ?? null,
})

const ruleBody = (r: FirewallRuleInput) => ({ protocol: r.protocol, port: r.port, source: r.source, source_detail: r.sourceDetail })

function id(name: string, value: string, what: string): string {
  if (!/^\d+$/.test(value)) throw providerError(name, 'not_found', `${name}: no ${what} "${value}" (ids are numbers)`)
  return enc(value)
}

export function hostingerFirewalls(http: HttpClient, name: string) {
  const fwPath = (fw: string) => `${BASE}/${id(name, fw, 'firewall')}`
  const action = (verb: string, a: HAction | undefined): ActionResult => ({ status: verb, message: a?.id ? `${name} action ${a.id} (${a.state})` : undefined })
  return {
    async list(): Promise<Firewall[]> {
      const out: Firewall[] = []
      for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await http.get<HPage<HFirewall>>(BASE, { page })
        out.push(...(res.data ?? []).map(mapFirewall))
        const total = res.meta?.total ?? out.length
        if (!res.data?.length || out.length >= total) break
      }
      return out
    },
    async get(fw: string) { return mapFirewall(await http.get<HFirewall>(fwPath(fw))) },
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
