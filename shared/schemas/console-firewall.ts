/** Console sessions and firewalls, as the API answers them. */
import { z } from 'zod'
import { isoDate, obj, type View } from './define'

export const consoleSession = obj({
  type: z.enum(['vnc', 'link']).meta({ description: '`vnc`: connect noVNC to `url` (a websocket); `link`: open `url` in a new tab' }),
  url: z.string().meta({ description: 'The provider\'s websocket or sign-in address, as it gave it (it carries a short-lived token: do not log it)' }),
  expires_at: isoDate.nullable(),
  password: z.string().nullable().meta({ description: 'The VNC password the server asks for (vnc only)' }),
}).meta({ id: 'ConsoleSession', description: 'A way into the server\'s screen' })
export type ConsoleSessionView = View<typeof consoleSession>

export const firewallRule = obj({
  id: z.string(),
  action: z.string(),
  protocol: z.string(),
  port: z.string(),
  source: z.string(),
  source_detail: z.string(),
}).meta({ id: 'FirewallRule' })
export type FirewallRuleView = View<typeof firewallRule>

export const firewall = obj({
  id: z.string(),
  name: z.string(),
  synced: z.boolean().meta({ description: 'Whether the VMs it is active on run its latest rules (sync to apply)' }),
  rules: z.array(firewallRule),
  created_at: isoDate.nullable(),
  updated_at: isoDate.nullable(),
  vm_ids: z.array(z.string()).meta({ description: 'The provider\'s ids of the VMs it is active on (a VM has at most one)' }),
}).meta({ id: 'Firewall', description: 'An account-level firewall (Hostinger)' })
export type FirewallView = View<typeof firewall>

export const firewallList = obj({ items: z.array(firewall) })

export const serverFirewall = obj({
  interface: z.string(),
  enabled: z.boolean(),
  rules: z.array(z.unknown()),
}).meta({ id: 'ServerFirewall', description: 'A server\'s own interface firewall (VirtFusion)' })
export type ServerFirewallView = View<typeof serverFirewall>

export const firewallAction = obj({ status: z.string(), message: z.string().optional() })
