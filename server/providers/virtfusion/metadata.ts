/** What the UI shows and offers for a VirtFusion account. */
import { mdiAlphaVBox } from '@mdi/js'
import type { ProviderMetadata } from '../types'
import { DEFAULT_DESTROY } from '#shared/providers/facts'

export const DISPLAY_NAME = 'VirtFusion'
export const MAX_DELETE_DELAY_MINUTES = 43_800

export const meta: ProviderMetadata = {
  type: 'virtfusion',
  displayName: DISPLAY_NAME,
  docsUrl: 'https://docs.virtfusion.com/api/',
  credentials: [
    {
      key: 'api_key',
      label: 'API token',
      required: true,
      help: 'An admin API token from your VirtFusion panel (sent as "Authorization: Bearer …"). It needs the server, user and SSH key permissions for the features you use.',
    },
  ],
  settings: [
    {
      key: 'base_url',
      label: 'API base URL',
      type: 'url',
      required: true,
      placeholder: 'https://cp.example.com/api/v1',
      help: 'VirtFusion is self-hosted: the address of your panel\'s API, ending in /api/v1 (added for you when you give only the panel address).',
    },
    {
      key: 'user_id',
      label: 'Default VirtFusion user ID',
      type: 'number',
      placeholder: '1',
      help: 'Numeric VirtFusion user (not an email) that owns new servers and whose SSH keys are listed. A create can name another with options.userId.',
    },
    {
      key: 'hypervisor_id',
      label: 'Default hypervisor group ID',
      type: 'number',
      placeholder: '1',
      help: 'Hypervisor group new servers are placed in when the create names no data center (options.hypervisorId or the data center choice win).',
    },
  ],
  capabilities: {
    servers: { supported: true, note: 'Power state is a live hypervisor query: listing asks it once per built server. Revealing the root password resets it (VirtFusion keeps it encrypted).' },
    power: { supported: true, note: 'start = boot, stop = graceful shutdown, restart, poweroff = hard stop. Actions are queued by VirtFusion.' },
    suspend: { supported: true },
    resize: { supported: true, note: 'Changes the server package; VirtFusion never shrinks the primary disk.' },
    reinstall: { supported: true, note: 'Rebuilds the server from an OS template: the disk is wiped and VirtFusion generates a new root password.' },
    create: { supported: true, note: 'Two steps: the server is allocated (package, user, hypervisor group), then built with an OS template. A chosen root password cannot be set; VirtFusion generates one.' },
    destroy: { supported: true, note: 'Deletion can be delayed by 0–43800 minutes.' },
    catalog: { supported: true, note: 'Data centers are hypervisor groups and plans are packages; VirtFusion has no prices.' },
    dns: { supported: false, note: 'VirtFusion only links servers to an external DNS service for reverse DNS; it has no zone or record API.' },
    domains: { supported: false, note: 'VirtFusion is a virtualization panel, not a domain registrar.' },
    ssh_keys: { supported: true, note: 'Keys belong to a VirtFusion user: the account\'s default user ID.' },
    billing: { supported: false, note: 'VirtFusion has no account balance or invoices; billing lives in the billing system in front of it (WHMCS, Blesta, …).' },
    orders: { supported: false, note: 'VirtFusion has no orders: servers are created directly.' },
    console: { supported: true, note: 'A VNC console through the panel\'s websocket, or a one-time sign-in link to the server\'s page in VirtFusion.' },
    firewall: { supported: true, note: 'Per server and interface (primary/secondary): enable, disable, and apply firewall rulesets defined in VirtFusion; there are no account-level firewalls.' },
    metrics: { supported: true, note: 'Traffic only (received and sent per monthly period); VirtFusion\'s API has no CPU, memory or disk series.' },
    snapshots: { supported: false, note: 'VirtFusion\'s API has no snapshots.' },
    backups: { supported: true, note: 'Backups can be listed; the API has no restore call, restore from the VirtFusion panel.' },
    ptr: { supported: false, note: 'VirtFusion\'s API has no reverse DNS call: reverse DNS lives in the external DNS service it links to.' },
    recovery: { supported: false, note: 'VirtFusion\'s API has no recovery or rescue mode.' },
    activity: { supported: false, note: 'VirtFusion\'s API reads one queued task by its id (GET /queue/{id}) but cannot list a server\'s tasks.' },
    host_settings: { supported: true, note: 'Renames the server (its name in VirtFusion); nameservers cannot be set.' },
    ip_addresses: { supported: true, note: 'IPv4 addresses can be added (a number of free ones, or named ones) and removed on the primary or secondary interface. Each address may be billed.' },
    backup_plan: { supported: true, note: 'A backup plan (by its id in VirtFusion) can be assigned, changed or removed; the API has no list of plans.' },
  },
  facts: {
    firewall_scope: 'server',
    look: { label: DISPLAY_NAME, color: 'blue', icon: 'mdi-alpha-v-box', icon_path: mdiAlphaVBox },
    create: { hostname: true, password: false, ssh_keys: true, dry_run: false },
    // The "dry run" checks the template against the server's package.
    reinstall: { hostname: true, password: false, ssh_keys: true, dry_run: true },
    password_rule: null,
    hard_power_off: true,
    delete_delay: { min: 0, max: MAX_DELETE_DELAY_MINUTES },
    root_password: { mode: 'reset', note: 'VirtFusion keeps the password encrypted: the only way to show it is to set a new one. The old password stops working at once.' },
    install_step: true,
    // Allocated but never built.
    raw_states: { awaiting_install: ['allocated'], awaiting_provider: [] },
    // The new server carries our marker as its name until its build.
    create_evidence: 'marker',
    destroy: { ...DEFAULT_DESTROY },
    resize_disk: false,
    region: { label: 'Hypervisor group', hint: 'The hypervisor group to place the server in. Leave it empty for the account\'s default.', optional: true },
    plan_mapping: {
      templates_by_plan: true,
      fields: [
        { key: 'packageId', label: 'Package', kind: 'number', role: 'plan', catalog: { list: 'plans', what: 'package' } },
        { key: 'hypervisorId', label: 'Hypervisor group', kind: 'number', catalog: { list: 'datacenters', what: 'hypervisor group' } },
        {
          key: 'userPolicy',
          label: 'Who owns the servers in VirtFusion',
          kind: 'choice',
          default: 'per_customer',
          choices: [
            { value: 'per_customer', label: 'A VirtFusion user per customer (created on the first order)' },
            { value: 'fixed', label: 'One fixed VirtFusion user' },
          ],
        },
        { key: 'userId', label: 'VirtFusion user ID', kind: 'number', when: { key: 'userPolicy', value: 'fixed' } },
      ],
    },
    customer_user_setting: 'user_id',
  },
}
