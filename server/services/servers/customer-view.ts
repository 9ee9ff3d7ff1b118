/**
 * What a customer sees of a server instead of its upstream (white label): no account, provider
 * type, upstream id, raw record or provider sentence. Capabilities and facts are resolved here,
 * on the server, in our own words (message keys of i18n/locales/<lang>/serverCustomer.json); the
 * plan is the portal plan the server was ordered with.
 */
import { mdiServer } from '@mdi/js'
import { desc, eq, inArray } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { orders, plans } from '#server/db/schema'
import { getDefinition } from '#server/providers/registry'
import { CAPABILITY_GROUPS, type CapabilityMap, type ProviderFacts } from '#server/providers/types'
import { DEFAULT_DESTROY } from '#shared/providers/facts'

/** The message key of a capability a customer cannot use (our wording, no provider in it). */
export const CUSTOMER_UNSUPPORTED_KEY = 'serverCustomer.capability.unavailable'

/** Every capability group: supported or not, never why in the provider's words. */
export function customerCapabilities(type: string): CapabilityMap {
  const own = (getDefinition(type)?.meta.capabilities ?? {}) as Partial<CapabilityMap>
  const out = {} as CapabilityMap
  for (const g of CAPABILITY_GROUPS) {
    const supported = !!own[g]?.supported
    out[g] = supported ? { supported } : { supported, note: 'Not available for this server', note_key: CUSTOMER_UNSUPPORTED_KEY }
  }
  return out
}

const CLASS_WORDS: Record<string, string> = { lower: 'a lower-case letter', upper: 'an upper-case letter', digit: 'a digit' }

/** The provider's facts with every sentence, label and raw word taken out: only what the pages need to behave. */
export function customerFacts(type: string): ProviderFacts | undefined {
  const f = getDefinition(type)?.meta.facts as ProviderFacts | undefined
  if (!f) return undefined
  const rule = f.password_rule
  const ruleText = rule ? `At least ${rule.min_length} characters${rule.classes.length ? `, with ${rule.classes.map(c => CLASS_WORDS[c] ?? c).join(', ')}` : ''}` : ''
  const { needs_credential: _n, needs_credential_key: _k, ...create } = f.create
  return {
    look: { label: '', color: 'grey', icon: 'mdi-server', icon_path: mdiServer },
    create,
    reinstall: f.reinstall,
    password_rule: rule ? { min_length: rule.min_length, classes: rule.classes, hint: ruleText, message: ruleText } : null,
    hard_power_off: f.hard_power_off,
    delete_delay: f.delete_delay,
    root_password: { mode: f.root_password.mode },
    install_step: f.install_step,
    raw_states: { awaiting_install: [], awaiting_provider: [] },
    create_evidence: 'none',
    destroy: { ...DEFAULT_DESTROY, text: 'The server and its disks are destroyed. This cannot be undone.', ...(f.destroy.only_when ? { only_when: f.destroy.only_when } : {}) },
    resize_disk: f.resize_disk,
    region: { label: 'Location', optional: true },
    plan_mapping: { fields: [], templates_by_plan: false },
    ...(f.firewall_scope ? { firewall_scope: f.firewall_scope } : {}),
  }
}

export interface OrderedInfo { plan: string, template: string | null }

/** The portal plan (and system) each server was last ordered with, for the customer's view. */
export async function orderedInfo(serverIds: string[]): Promise<Map<string, OrderedInfo>> {
  const out = new Map<string, OrderedInfo>()
  if (!serverIds.length) return out
  const db = await useDb()
  const rows = await db.select({ serverId: orders.serverId, name: plans.name, template: orders.templateName }).from(orders)
    .innerJoin(plans, eq(plans.id, orders.planId))
    .where(inArray(orders.serverId, serverIds))
    .orderBy(desc(orders.createdAt))
  for (const r of rows) if (r.serverId && !out.has(r.serverId)) out.set(r.serverId, { plan: r.name, template: r.template })
  return out
}

/** An OS the sync could only number ("OS template 8"): the name the order recorded reads better. */
export function customerOs(os: string | null, ordered: OrderedInfo | undefined): string | null {
  if (ordered?.template && (!os || /^[\w ]*template \d+$/i.test(os))) return ordered.template
  return os
}
