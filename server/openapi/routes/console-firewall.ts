/**
 * Console sessions and firewalls: per VM on the seed routes (`{id}` is the provider's id), per
 * inventory server on /api/servers (owners only), and the account-level firewalls (admins).
 */
import { z } from 'zod'
import { vmParams } from '#server/schemas/hosting'
import { serverParams } from '#server/schemas/servers'
import { consoleBody, firewallBody, firewallParams, firewallRuleBody, firewallRuleParams, firewallVmBody, vmFirewallBody, vmFirewallQuery } from '#server/schemas/console-firewall'
import { providerParam } from '#server/utils/provider-param'
import { consoleSession, firewall, firewallAction, firewallList, firewallRule, serverFirewall } from '#shared/schemas/console-firewall'
import { defineRoutes, obj } from '../define'

const NOT_SUPPORTED = { 501: 'The provider has no such feature (`code: not_supported`, the reason in the message)' }
const FW = '/api/hosting/providers/{provider}/firewalls'

export default defineRoutes('Console and firewalls', 'The server console (a VNC websocket or the provider\'s sign-in link) and firewalls: account-level ones with rules attached to VMs (Hostinger), and a server\'s own interface firewall (VirtFusion)', [
  {
    method: 'post', path: '/api/hosting/providers/{provider}/vms/{id}/console', access: 'user', summary: 'Open a console session',
    description: 'Audited (never the address: it carries a short-lived token). Answered with `Cache-Control: no-store`.',
    params: vmParams, body: consoleBody, answers: { 200: { description: 'A console session', schema: consoleSession } }, errors: NOT_SUPPORTED,
  },
  {
    method: 'post', path: '/api/servers/{id}/console', access: 'user', summary: 'Open a console session for an inventory server (its owner or an admin)',
    params: serverParams, body: consoleBody, answers: { 200: { description: 'A console session', schema: consoleSession } }, errors: NOT_SUPPORTED,
  },
  { method: 'get', path: '/api/hosting/providers/{provider}/vms/{id}/firewall', access: 'user', summary: 'The VM\'s own firewall on one interface', params: vmParams, query: vmFirewallQuery, answers: { 200: { description: 'Firewall', schema: serverFirewall } }, errors: NOT_SUPPORTED },
  { method: 'put', path: '/api/hosting/providers/{provider}/vms/{id}/firewall', access: 'user', summary: 'Enable or disable the VM\'s firewall, or apply rulesets (audited)', params: vmParams, body: vmFirewallBody, answers: { 200: { description: 'Firewall', schema: serverFirewall } }, errors: NOT_SUPPORTED },
  { method: 'get', path: '/api/servers/{id}/firewall', access: 'user', summary: 'An inventory server\'s own firewall', params: serverParams, query: vmFirewallQuery, answers: { 200: { description: 'Firewall', schema: serverFirewall } }, errors: NOT_SUPPORTED },
  { method: 'put', path: '/api/servers/{id}/firewall', access: 'user', summary: 'Change an inventory server\'s own firewall (audited)', params: serverParams, body: vmFirewallBody, answers: { 200: { description: 'Firewall', schema: serverFirewall } }, errors: NOT_SUPPORTED },
  { method: 'get', path: FW, access: 'admin', summary: 'The account\'s firewalls', params: providerParam, answers: { 200: { description: 'Firewalls', schema: firewallList } }, errors: NOT_SUPPORTED },
  { method: 'post', path: FW, access: 'admin', summary: 'Create a firewall (audited)', params: providerParam, body: firewallBody, answers: { 200: { description: 'Created', schema: firewall } }, errors: NOT_SUPPORTED },
  { method: 'get', path: `${FW}/{fw}`, access: 'admin', summary: 'One firewall with its rules', params: firewallParams, answers: { 200: { description: 'Firewall', schema: firewall } }, errors: NOT_SUPPORTED },
  { method: 'delete', path: `${FW}/{fw}`, access: 'admin', summary: 'Delete a firewall (audited)', params: firewallParams, answers: { 200: { description: 'Deleted', schema: firewallAction } }, errors: NOT_SUPPORTED },
  { method: 'get', path: `${FW}/{fw}/rules`, access: 'admin', summary: 'A firewall\'s rules', params: firewallParams, answers: { 200: { description: 'Rules', schema: obj({ items: z.array(firewallRule) }) } }, errors: NOT_SUPPORTED },
  { method: 'post', path: `${FW}/{fw}/rules`, access: 'admin', summary: 'Add a rule (audited; sync to apply it on the VMs)', params: firewallParams, body: firewallRuleBody, answers: { 200: { description: 'Rule', schema: firewallRule } }, errors: NOT_SUPPORTED },
  { method: 'put', path: `${FW}/{fw}/rules/{rule}`, access: 'admin', summary: 'Change a rule (audited)', params: firewallRuleParams, body: firewallRuleBody, answers: { 200: { description: 'Rule', schema: firewallRule } }, errors: NOT_SUPPORTED },
  { method: 'delete', path: `${FW}/{fw}/rules/{rule}`, access: 'admin', summary: 'Delete a rule (audited)', params: firewallRuleParams, answers: { 200: { description: 'Deleted', schema: firewallAction } }, errors: NOT_SUPPORTED },
  { method: 'post', path: `${FW}/{fw}/attach`, access: 'admin', summary: 'Activate the firewall on a VM (audited)', params: firewallParams, body: firewallVmBody, answers: { 200: { description: 'Started', schema: firewallAction } }, errors: NOT_SUPPORTED },
  { method: 'post', path: `${FW}/{fw}/detach`, access: 'admin', summary: 'Deactivate the firewall on a VM (audited)', params: firewallParams, body: firewallVmBody, answers: { 200: { description: 'Started', schema: firewallAction } }, errors: NOT_SUPPORTED },
  { method: 'post', path: `${FW}/{fw}/sync`, access: 'admin', summary: 'Apply the firewall\'s latest rules on a VM (audited)', params: firewallParams, body: firewallVmBody, answers: { 200: { description: 'Started', schema: firewallAction } }, errors: NOT_SUPPORTED },
])
