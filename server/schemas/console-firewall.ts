/** Requests of the console and firewall routes (per VM, per inventory server, per account). */
import { z } from 'zod'
import { FIREWALL_PROTOCOLS } from '#server/providers/types'
import { providerParam } from '../utils/provider-param'

export const consoleBody = z.object({
  type: z.enum(['vnc', 'link']).optional().meta({ description: '`vnc` (a websocket for noVNC) or `link` (a sign-in link to the provider\'s own console); default: what the provider has, VNC first' }),
}).strict()

const upstreamId = z.string().trim().min(1).max(100).regex(/^[\w.:-]+$/, 'An id of letters, digits, dots, dashes or underscores')

export const firewallParams = providerParam.extend({ fw: upstreamId })
export const firewallRuleParams = providerParam.extend({ fw: upstreamId, rule: upstreamId })

export const firewallBody = z.object({ name: z.string().trim().min(1).max(100) }).strict()

export const firewallRuleBody = z.object({
  protocol: z.enum(FIREWALL_PROTOCOLS),
  port: z.string().trim().regex(/^(any|\d{1,5}(:\d{1,5})?)$/, 'A port (443), a range (1024:2048) or "any"').refine(p => p === 'any' || p.split(':').every(n => Number(n) >= 1 && Number(n) <= 65535), 'Ports are 1–65535'),
  source: z.enum(['any', 'custom']),
  source_detail: z.string().trim().min(1).max(100).regex(/^(any|[\d.:a-fA-F/-]+)$/, 'An IP address, CIDR, range or "any"'),
}).strict().refine(r => r.source === 'custom' || r.source_detail === 'any', { message: 'With source "any", source_detail is "any"', path: ['source_detail'] })

export const firewallVmBody = z.object({ vm: upstreamId.meta({ description: 'The provider\'s VM id' }) }).strict()

export const vmFirewallQuery = z.object({ interface: z.enum(['primary', 'secondary']).optional() })

export const vmFirewallBody = z.object({
  interface: z.enum(['primary', 'secondary']).default('primary'),
  enabled: z.boolean().optional(),
  rulesets: z.array(z.number().int().positive()).max(100).optional().meta({ description: 'Ruleset ids defined in the panel; replaces all rules (an empty list flushes them)' }),
}).strict().refine(b => b.enabled !== undefined || b.rulesets !== undefined, 'Give enabled or rulesets')
