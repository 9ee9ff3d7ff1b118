/**
 * Account-level firewalls (where the provider has them): CRUD, rules, activation on a VM and
 * sync. Admins only: a firewall belongs to the provider account, not to one customer. Every
 * change is audited; the provider's "not supported" answers 501 with its reason.
 */
import type { User } from '#server/db/schema'
import { resultWords } from '#shared/providers/action-results'
import { NotSupportedError } from '#server/providers/errors'
import type { Firewall, FirewallRule, FirewallRuleInput } from '#server/providers/types'
import type { FirewallRuleView, FirewallView } from '#shared/schemas/console-firewall'
import { audit } from '../audit'
import { adapterForSlug } from '../provider-accounts'
import { queueSync } from '../servers/queue'

const ruleView = (r: FirewallRule): FirewallRuleView => ({ id: r.id, action: r.action, protocol: r.protocol, port: r.port, source: r.source, source_detail: r.sourceDetail })
const view = (f: Firewall): FirewallView => ({ id: f.id, name: f.name, synced: f.synced, rules: f.rules.map(ruleView), created_at: f.createdAt, updated_at: f.updatedAt, vm_ids: f.vmIds })

export interface RuleBody { protocol: FirewallRuleInput['protocol'], port: string, source: 'any' | 'custom', source_detail: string }
const ruleInput = (b: RuleBody): FirewallRuleInput => ({ protocol: b.protocol, port: b.port, source: b.source, sourceDetail: b.source_detail })

async function firewallAdapter(slug: string) {
  const { account, adapter } = await adapterForSlug(slug)
  const cap = adapter.meta.capabilities.firewall
  if (!cap?.supported) throw new NotSupportedError(adapter.meta.displayName, 'firewalls', cap?.note)
  return { account, adapter }
}

async function record(user: User, action: string, slug: string, details: Record<string, unknown>) {
  await audit({ userId: user.id, action: `firewall.${action}`, target: slug, details: { account: slug, ...details } })
}

export async function listFirewalls(slug: string) {
  const { adapter } = await firewallAdapter(slug)
  return { items: (await adapter.listFirewalls()).map(view) }
}

export async function getFirewall(slug: string, fw: string) {
  const { adapter } = await firewallAdapter(slug)
  return view(await adapter.getFirewall(fw))
}

export async function createFirewall(slug: string, name: string, user: User) {
  const { adapter } = await firewallAdapter(slug)
  const f = await adapter.createFirewall({ name })
  await record(user, 'create', slug, { firewall: f.id, name })
  return view(f)
}

export async function deleteFirewall(slug: string, fw: string, user: User) {
  const { adapter } = await firewallAdapter(slug)
  await adapter.deleteFirewall(fw)
  await record(user, 'delete', slug, { firewall: fw })
  return { status: 'deleted' }
}

export async function addRule(slug: string, fw: string, body: RuleBody, user: User) {
  const { adapter } = await firewallAdapter(slug)
  const r = await adapter.createFirewallRule(fw, ruleInput(body))
  await record(user, 'rule.create', slug, { firewall: fw, rule: r.id, protocol: r.protocol, port: r.port, source: r.sourceDetail })
  return ruleView(r)
}

export async function updateRule(slug: string, fw: string, rule: string, body: RuleBody, user: User) {
  const { adapter } = await firewallAdapter(slug)
  const r = await adapter.updateFirewallRule(fw, rule, ruleInput(body))
  await record(user, 'rule.update', slug, { firewall: fw, rule, protocol: r.protocol, port: r.port, source: r.sourceDetail })
  return ruleView(r)
}

export async function deleteRule(slug: string, fw: string, rule: string, user: User) {
  const { adapter } = await firewallAdapter(slug)
  await adapter.deleteFirewallRule(fw, rule)
  await record(user, 'rule.delete', slug, { firewall: fw, rule })
  return { status: 'deleted' }
}

export async function firewallOnVm(slug: string, fw: string, vm: string, op: 'attach' | 'detach' | 'sync', user: User) {
  const { account, adapter } = await firewallAdapter(slug)
  const result = op === 'attach' ? await adapter.attachFirewall(fw, vm) : op === 'detach' ? await adapter.detachFirewall(fw, vm) : await adapter.syncFirewall(fw, vm)
  await record(user, op, slug, { firewall: fw, vm, status: result.status })
  await queueSync(account.id)
  return { status: result.status, ...resultWords(result) }
}
