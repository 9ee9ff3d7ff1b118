/** What the app shows and checks for Virtua.cloud accounts. */
import { mdiCloud } from '@mdi/js'
import type { ProviderMetadata } from '../types'
import { DEFAULT_DESTROY } from '#shared/providers/facts'
import { LOW_BALANCE_SETTING } from '../common-settings'

export const DISPLAY_NAME = 'Virtua.cloud'
/** The current API has no `/v1` prefix (the stale OpenAPI file still says /v1). */
export const DEFAULT_BASE_URL = 'https://api.virtua.cloud'

export const meta: ProviderMetadata = {
  type: 'virtua',
  displayName: DISPLAY_NAME,
  docsUrl: 'https://github.com/Virtua-Cloud/api',
  credentials: [
    {
      key: 'api_key',
      label: 'API key',
      required: true,
      help: 'Virtua.cloud Manager → Account → API Keys. Sent as "Authorization: Basic <key>" (the key itself, not user:password).',
    },
  ],
  settings: [
    {
      key: 'base_url',
      label: 'API base URL',
      type: 'url',
      required: true,
      default: DEFAULT_BASE_URL,
      help: 'Without /v1. Change only for a proxy or the sandbox.',
    },
    {
      key: 'project_uuid',
      label: 'Project UUID',
      placeholder: '6f1c2b1e-…',
      help: 'Project new servers are ordered into. Empty: the first project of the account. A create can override it with the "project" option.',
    },
    LOW_BALANCE_SETTING,
  ],
  capabilities: {
    servers: { supported: true, note: 'The documented server record has no IP addresses; they are shown only when the API includes them. The root password can be revealed.' },
    power: { supported: true, note: 'Start, stop and restart. There is no separate hard power-off.' },
    suspend: { supported: false, note: 'Virtua.cloud suspends servers itself (e.g. negative balance); the API shows it but cannot suspend or unsuspend.' },
    resize: { supported: true, note: 'To another offer of the same cloud zone; the disk grows only when asked (resize disk) and never shrinks.' },
    reinstall: { supported: true, note: 'Rebuild with another system. Virtua.cloud generates the new root password (reveal it afterwards); hostname, password and SSH keys cannot be set.' },
    create: { supported: true, note: 'Ordered with POST /cloud/order and billed hourly from the balance. The offer fixes the cloud zone. A password or SSH keys cannot be set at order time. Options: project, ipv6 (default on), ipv6_block_size (128 or 64).' },
    destroy: { supported: true, note: 'Immediate and final; no scheduled deletion.' },
    catalog: { supported: true, note: 'Data centers are the distinct cloud zones of the offers. Prices in EUR.' },
    dns: { supported: false, note: 'The Virtua.cloud API has no DNS management.' },
    domains: { supported: false, note: 'The Virtua.cloud API has no domain management.' },
    ssh_keys: { supported: false, note: 'The Virtua.cloud API does not expose SSH keys.' },
    billing: { supported: true, note: 'Balance and usage from /account, limits from /cloud/limits, catalog from the cloud offers (monthly price). No subscriptions (servers are billed hourly from the prepaid balance) and no payment methods.' },
    orders: { supported: false, note: 'Servers are ordered directly (POST /cloud/order); the API has no order list or cancellation.' },
    console: { supported: false, note: 'Virtua\'s API documents only account, limits, server list/details, start/stop/restart, resize, destroy and order; it has no console or VNC endpoint.' },
    firewall: { supported: false, note: 'Virtua\'s API has no firewall or security-group endpoint.' },
    metrics: { supported: false, note: 'The Virtua.cloud API has no usage statistics.' },
    snapshots: { supported: false, note: 'The Virtua.cloud API has no snapshots.' },
    backups: { supported: false, note: 'The Virtua.cloud API has no backups.' },
    ptr: { supported: false, note: 'The Virtua.cloud API has no reverse DNS.' },
    recovery: { supported: false, note: 'The Virtua.cloud API has no recovery mode.' },
    activity: { supported: false, note: 'The Virtua.cloud API has no action log.' },
    host_settings: { supported: false, note: 'The Virtua.cloud API cannot change a server\'s hostname or nameservers.' },
    ip_addresses: { supported: false, note: 'The Virtua.cloud API cannot add or remove a server\'s addresses.' },
    backup_plan: { supported: false, note: 'The Virtua.cloud API has no backup plans.' },
  },
  facts: {
    look: { label: DISPLAY_NAME, color: 'teal', icon: 'mdi-cloud', icon_path: mdiCloud },
    create: { hostname: true, password: false, ssh_keys: false, dry_run: false },
    reinstall: { hostname: false, password: false, ssh_keys: false, dry_run: false },
    password_rule: null,
    hard_power_off: false,
    delete_delay: null,
    root_password: { mode: 'reveal' },
    install_step: false,
    raw_states: { awaiting_install: [], awaiting_provider: [] },
    create_evidence: 'hostname',
    destroy: { ...DEFAULT_DESTROY },
    // Only Virtua.cloud grows the disk on request.
    resize_disk: true,
    // The API documents no address fields: an empty list means "not reported", not "none".
    no_addresses: 'Not reported by Virtua: its API gives no addresses (see the Virtua panel)',
    region: { label: 'Region', optional: false },
    plan_mapping: {
      // Systems depend on the offer (Windows needs an offer that includes it).
      templates_by_plan: true,
      fields: [
        { key: 'offer', label: 'Offer', kind: 'text', role: 'plan', catalog: { list: 'plans', what: 'offer' } },
        { key: 'system', label: 'Default system (OS)', kind: 'text', role: 'template', catalog: { list: 'templates', what: 'system for this offer' } },
        { key: 'project', label: 'Project UUID (optional)', help: 'Leave it empty for the account\'s first project', kind: 'text', optional: true },
      ],
    },
  },
}
