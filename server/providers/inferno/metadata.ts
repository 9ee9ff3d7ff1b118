/** What the panel shows and asks for an Inferno account, and what Inferno can do. */
import { mdiFire } from '@mdi/js'
import type { ProviderMetadata } from '../types'
import { DEFAULT_BASE_URL } from './client'
import { LOW_BALANCE_SETTING } from '../common-settings'

export const meta: ProviderMetadata = {
  type: 'inferno',
  displayName: 'Inferno',
  docsUrl: 'https://cp.inferno.name/knowledgebase.php?action=displayarticle&id=97',
  credentials: [
    {
      key: 'api_key',
      label: 'API key',
      required: true,
      help: 'From action=getApiKey (your panel e-mail and password). Sent in the X-Key header. Inferno only answers from IPs you asked support to whitelist.',
    },
  ],
  settings: [
    {
      key: 'cid',
      label: 'Client ID (cid)',
      required: true,
      type: 'text',
      placeholder: '777',
      help: 'Your numeric Inferno client id, returned by getApiKey next to the key.',
    },
    {
      key: 'base_url',
      label: 'API endpoint',
      type: 'url',
      default: DEFAULT_BASE_URL,
      help: 'The full URL of api_client.php. Change it only for a test double.',
    },
    {
      key: 'currency',
      label: 'Billing currency',
      type: 'text',
      default: 'EUR',
      help: 'The API gives amounts without a currency; this labels balances, prices and orders.',
    },
    LOW_BALANCE_SETTING,
  ],
  capabilities: {
    servers: { supported: true, note: 'A server is an order: unpaid or not yet installed orders show as pending; the state comes from getinfo. Inferno sets the VPS name (from its IP); there is no hostname.' },
    power: { supported: true, note: 'Start (boot), stop and restart (reboot). There is no separate hard power-off.' },
    suspend: { supported: false, note: 'The Inferno client API has no suspend or unsuspend action.' },
    resize: { supported: false, note: 'The Inferno client API has no upgrade action; change the plan in the Inferno panel.' },
    reinstall: { supported: true, note: 'Reinstall with a template and SSH keys; each request is first validated with a dry run (run=0). Inferno generates the new root password.' },
    create: { supported: true, note: 'Two steps: create buys the product (pid) as an order that stays Pending until paid from the balance; install (template + SSH keys) runs once it is Active. Hostname and password cannot be set. No provider-only options.' },
    destroy: { supported: true, note: 'Only unpaid (Pending) orders can be cancelled through the API; an active server is cancelled from the Inferno panel.' },
    catalog: { supported: true, note: 'Plans (products) and OS templates from the public list action. No data-center list: the location is part of the product.' },
    dns: { supported: false, note: 'The Inferno client API has no DNS actions.' },
    domains: { supported: false, note: 'The Inferno client API has no domain actions.' },
    ssh_keys: { supported: true, note: 'Adding a key returns no id, so the key list is read again to find it. Fingerprints are computed from the key text.' },
    billing: { supported: true, note: 'Balance, subscriptions (the services list) and the product catalog. No payment methods or usage limits.' },
    orders: { supported: true, note: 'Active and unpaid orders; only unpaid (Pending) orders can be cancelled.' },
    console: { supported: false, note: 'Inferno\'s api_client.php has no console or VNC action (only create, install, reinstall, getinfo, reboot, stop, boot, SSH keys, services, balance and orders).' },
    firewall: { supported: false, note: 'Inferno\'s api_client.php has no firewall action.' },
    metrics: { supported: false, note: 'The Inferno client API has no usage statistics.' },
    snapshots: { supported: false, note: 'The Inferno client API has no snapshot actions.' },
    backups: { supported: false, note: 'The Inferno client API has no backup actions.' },
    ptr: { supported: false, note: 'The Inferno client API has no reverse DNS action.' },
    recovery: { supported: false, note: 'The Inferno client API has no rescue or recovery action.' },
    activity: { supported: false, note: 'The Inferno client API has no action log.' },
    host_settings: { supported: false, note: 'The Inferno client API cannot set a hostname (Inferno names the VPS after its IP) or nameservers.' },
    ip_addresses: { supported: false, note: 'The Inferno client API cannot add or remove a VPS\'s addresses.' },
    backup_plan: { supported: false, note: 'The Inferno client API has no backup plans.' },
  },
  facts: {
    look: { label: 'Inferno', color: 'deep-orange', icon: 'mdi-fire', icon_path: mdiFire },
    create: { hostname: false, password: false, ssh_keys: true, dry_run: false },
    // Inferno's own dry run (run=0).
    reinstall: { hostname: false, password: false, ssh_keys: true, dry_run: true },
    password_rule: null,
    hard_power_off: false,
    delete_delay: null,
    root_password: { mode: 'reveal' },
    install_step: true,
    // An order (unpaid, or paid) with no VPS on it yet; an unpaid one waits for the balance.
    raw_states: { awaiting_install: ['Pending', 'Active'], awaiting_provider: ['Pending'] },
    // An order carries nothing of ours: only the set difference counts.
    create_evidence: 'none',
    // Only an unpaid order can be cancelled; an active server is cancelled in Inferno's panel.
    destroy: { label: 'Cancel order', question: 'Cancel the order for {name}?', text: 'The unpaid order is cancelled at Inferno.', only_when: ['pending'] },
    resize_disk: false,
    // No data-center list: the location is part of the product.
    region: { label: 'Region', optional: false, from_plan: true },
    plan_mapping: {
      templates_by_plan: false,
      fields: [
        { key: 'pid', label: 'Product', kind: 'number', role: 'plan', catalog: { list: 'plans', what: 'product' } },
        { key: 'ostpl', label: 'Default OS template', kind: 'text', role: 'template', catalog: { list: 'templates', what: 'OS template' } },
      ],
    },
  },
}
