/** What the app shows and offers for a Hostinger account. */
import { mdiAlphaHBox } from '@mdi/js'
import type { ProviderMetadata } from '../types'
import { DEFAULT_DESTROY } from '#shared/providers/facts'
import { DEFAULT_BASE_URL } from './client'

export const meta: ProviderMetadata = {
  type: 'hostinger',
  displayName: 'Hostinger',
  docsUrl: 'https://developers.hostinger.com',
  credentials: [
    {
      key: 'api_key',
      label: 'API token',
      required: true,
      help: 'Create one in hPanel → Profile → API. Sent as a Bearer token; paste it with or without "Bearer ".',
    },
  ],
  settings: [
    {
      key: 'base_url',
      label: 'API base URL',
      type: 'url',
      required: true,
      default: DEFAULT_BASE_URL,
      help: 'Hostinger public API root; paths below it start with /api/…. Change only for a proxy or the sandbox.',
    },
    {
      key: 'default_data_center_id',
      label: 'Default data center ID',
      type: 'number',
      placeholder: '19',
      help: 'Used when setting up a VM bought in hPanel that has no data center yet (its setup needs one). IDs come from the data center list.',
    },
  ],
  capabilities: {
    servers: { supported: true, note: 'Lists and reads VMs. The API never reveals a root password: set it when buying or reinstalling.' },
    power: { supported: true, note: 'Start, stop and restart (a full stop and start). No separate hard power-off.' },
    suspend: { supported: false, note: 'The API has no suspend or unsuspend call: Hostinger suspends a VM itself (e.g. an unpaid subscription).' },
    resize: { supported: false, note: 'The API has no plan change for a VM: upgrade it in hPanel.' },
    reinstall: {
      supported: true,
      note: 'Recreates the VM from an OS template: wipes the disk and deletes its snapshots. A password must be 12+ characters with upper and lower case and a digit.',
    },
    create: {
      supported: true,
      note: 'Buys a VM and sets it up in one call, charging the payment method (the default one if none is given). Plan = a catalog price id such as hostingercom-vps-kvm2-usd-1m; data center and template are required; at most one SSH key at purchase. Options: post_install_script_id, enable_backups, install_monarx, ns1, ns2, coupons.',
    },
    destroy: { supported: false, note: 'Hostinger\'s API cannot delete a VM; cancel the subscription in hPanel' },
    catalog: { supported: true, note: 'Data centers, OS templates, and VPS plans from the billing catalog (one offer per billing period).' },
    dns: { supported: true, note: 'DNS zones and snapshots' },
    domains: { supported: true, note: 'Portfolio, availability, purchase, lock, privacy, nameservers; auto-renew is managed on the billing subscription' },
    ssh_keys: { supported: true, note: 'Account keys. Attaching a key to a VM is a separate call; deleting a key does not remove it from VMs.' },
    billing: { supported: true, note: 'Subscriptions, catalog and payment methods (read only). Hostinger has no balance or usage-limit endpoint.' },
    orders: { supported: false, note: 'Hostinger\'s API can place an order but cannot list or cancel orders.' },
    console: { supported: false, note: 'Hostinger\'s public API has no console endpoint: the browser terminal lives only in hPanel.' },
    firewall: { supported: true, note: 'Account-level firewalls: each holds rules and is activated on one or more VMs; a changed firewall is synced to its VMs.' },
    metrics: { supported: true, note: 'CPU, memory, disk, incoming and outgoing traffic and uptime for any date range.' },
    snapshots: { supported: true, note: 'Hostinger keeps one snapshot per VM: taking a new one replaces it. A snapshot expires after about 20 days.' },
    backups: { supported: true, note: 'Hostinger\'s automatic backups can be listed and restored; restoring overwrites the whole disk.' },
    ptr: { supported: true, note: 'Reverse DNS per IP address of the VM.' },
    recovery: { supported: true, note: 'Boots a recovery image with a temporary root password; the VM\'s own disk is mounted at /mnt.' },
    activity: { supported: true, note: 'Hostinger\'s own log of actions on the VM.' },
    host_settings: { supported: true, note: 'Hostname and up to three nameservers (resolvers).' },
    ip_addresses: { supported: false, note: 'Hostinger\'s API lists a VM\'s addresses but cannot add or remove them.' },
    backup_plan: { supported: false, note: 'Hostinger makes backups on its own schedule; the API has no backup plans.' },
  },
  facts: {
    firewall_scope: 'account',
    look: { label: 'Hostinger', color: 'deep-purple', icon: 'mdi-alpha-h-box', icon_path: mdiAlphaHBox },
    create: {
      hostname: true, password: true, ssh_keys: true, max_ssh_keys: 1, dry_run: false,
      needs_credential: 'Give a root password or an SSH key: Hostinger sets the server up at purchase.',
    },
    reinstall: { hostname: false, password: true, ssh_keys: false, dry_run: false },
    password_rule: {
      min_length: 12,
      classes: ['lower', 'upper', 'digit'],
      hint: '12+ characters with upper and lower case and a digit',
      message: 'At least 12 characters, with upper and lower case letters and a digit',
    },
    hard_power_off: false,
    delete_delay: null,
    root_password: { mode: 'none', note: 'Hostinger never reveals a root password: set one when buying or reinstalling.' },
    install_step: false,
    // Bought but never set up (a VM bought in hPanel).
    raw_states: { awaiting_install: ['initial'], awaiting_provider: [] },
    create_evidence: 'hostname',
    destroy: { ...DEFAULT_DESTROY },
    resize_disk: false,
    region: { label: 'Region', optional: false },
    plan_mapping: {
      templates_by_plan: false,
      fields: [
        { key: 'item', label: 'Catalog item (price)', kind: 'text', role: 'plan', catalog: { list: 'plans', what: 'VPS catalog price' } },
        { key: 'dataCenterId', label: 'Data center', kind: 'number', catalog: { list: 'datacenters', what: 'data center' } },
        { key: 'template', label: 'Default OS template', kind: 'number', role: 'template', catalog: { list: 'templates', what: 'OS template' } },
      ],
    },
  },
}
