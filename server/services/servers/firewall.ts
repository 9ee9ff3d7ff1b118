/** A server's own firewall (where the provider has one per server and interface). */
import type { User } from '#server/db/schema'
import type { ServerFirewall } from '#server/providers/types'
import type { ServerFirewallView } from '#shared/schemas/console-firewall'
import { audit } from '../audit'
import { requireCapability } from './console'
import type { Target } from './target'

const view = (f: ServerFirewall): ServerFirewallView => ({ interface: f.interface, enabled: f.enabled, rules: f.rules })

export async function readServerFirewall(t: Target, iface: string) {
  requireCapability(t, 'firewall', 'a server\'s own firewall')
  return view(await t.adapter.getServerFirewall(t.row.server.upstreamId, iface))
}

export async function changeServerFirewall(t: Target, input: { interface: string, enabled?: boolean, rulesets?: number[] }, user: User) {
  requireCapability(t, 'firewall', 'a server\'s own firewall')
  const f = await t.adapter.setServerFirewall(t.row.server.upstreamId, input)
  await audit({ userId: user.id, action: 'server.firewall', target: t.row.server.id, details: { account: t.account.slug, upstream_id: t.row.server.upstreamId, interface: input.interface, enabled: input.enabled, rulesets: input.rulesets } })
  return view(f)
}
