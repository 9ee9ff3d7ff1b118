/**
 * Every adapter extends BaseAdapter. An operation a provider lacks is simply not overridden:
 * the default throws NotSupportedError (→ 501) with the capability's note as the reason.
 */
import { NotSupportedError } from './errors'
import type {
  ActionResult, AdapterContext, Balance, CapabilityGroup, CatalogItem, ConnectionResult, ConsoleSession, ConsoleType, CreateServerInput, CustomerUser,
  Firewall, FirewallRule, FirewallRuleInput, ServerFirewall, ServerFirewallInput,
  Datacenter, DestroyInput, DnsRecord, DnsSnapshot, Domain, DomainAvailability, DomainPurchaseInput, InstallInput,
  OsTemplate, PaymentMethod, PlanOffer, PlanOrderInput, PortalCustomer, PowerAction, ProviderMetadata, ResizeInput,
  ServerRecord, Subscription, UpstreamOrder, UpstreamSshKey, UsageLimit,
  BackupPlan, HostSettingsInput, IpAddInput, NetworkInterface, ProviderAction, ServerBackup, ServerMetrics, ServerSnapshot,
} from './types'

export abstract class BaseAdapter {
  constructor(readonly meta: ProviderMetadata, protected readonly ctx: AdapterContext) {}

  protected get http() { return this.ctx.http }

  protected unsupported(group: CapabilityGroup, operation: string): never {
    throw new NotSupportedError(this.meta.displayName, operation, this.meta.capabilities[group]?.note)
  }

  /** The provider's cheapest authenticated call. */
  abstract testConnection(): Promise<ConnectionResult>

  // servers
  async listServers(): Promise<ServerRecord[]> { this.unsupported('servers', 'listing servers') }
  async getServer(_id: string): Promise<ServerRecord> { this.unsupported('servers', 'reading a server') }
  /**
   * Every server's upstream id and the names it carries (name, hostname), as cheaply as the
   * provider allows: the exactly-once engine's before/after snapshots.
   */
  async listServerMarks(): Promise<{ id: string, marks: string[] }[]> {
    return (await this.listServers()).map(s => ({ id: String(s.upstreamId), marks: [s.name, s.hostname].filter((m): m is string => !!m) }))
  }

  /** Buys/creates the server. Never retried by the HTTP client. */
  async createServer(_input: CreateServerInput): Promise<ServerRecord> { this.unsupported('create', 'creating servers') }
  /** Second step where the provider needs one (VirtFusion build, Inferno install, Hostinger setup). */
  async installServer(_id: string, _input: InstallInput): Promise<ActionResult> { this.unsupported('create', 'installing servers') }
  /** Whether createServer leaves an install step to do (a fact of the provider's metadata). */
  get needsInstallStep(): boolean { return this.meta.facts.install_step }
  async power(_id: string, action: PowerAction): Promise<ActionResult> { this.unsupported('power', `power action "${action}"`) }
  async suspend(_id: string): Promise<ActionResult> { this.unsupported('suspend', 'suspending servers') }
  async unsuspend(_id: string): Promise<ActionResult> { this.unsupported('suspend', 'unsuspending servers') }
  async resize(_id: string, _input: ResizeInput): Promise<ActionResult> { this.unsupported('resize', 'resizing servers') }
  async reinstall(_id: string, _input: InstallInput): Promise<ActionResult> { this.unsupported('reinstall', 'reinstalling servers') }
  async destroy(_id: string, _input: DestroyInput): Promise<ActionResult> { this.unsupported('destroy', 'deleting servers') }
  async getRootPassword(_id: string): Promise<{ username: string, password: string }> { this.unsupported('servers', 'revealing the root password') }

  // provider-specific steps: one signature each, a provider without the step keeps the default

  /** Checks a reinstall without doing it, where the provider can (`facts.reinstall.dry_run`). */
  async dryRunReinstall(_id: string, _input: { template: string, sshKeyIds?: string[] }): Promise<ActionResult> {
    throw new NotSupportedError(this.meta.displayName, 'a dry run of a reinstall')
  }

  /** The create call for a portal plan: its mapping (`facts.plan_mapping`) and the order's choices. */
  createInputForPlan(_mapping: Record<string, string>, _order: PlanOrderInput): CreateServerInput {
    this.unsupported('create', 'creating servers for plans')
  }

  /**
   * The upstream user a portal customer's servers belong to, made on first use; null where the
   * provider has no per-customer users.
   */
  async ensureCustomerUser(_mapping: Record<string, string>, _customer: PortalCustomer): Promise<CustomerUser | null> { return null }
  /**
   * Where the create installs the server itself: what it could not take at purchase (more SSH
   * keys than a purchase takes). Null when nothing was left to do.
   */
  async finishSetup(_id: string, _input: { sshKeyIds: string[] }): Promise<ActionResult | null> { return null }

  // catalog
  async listDatacenters(): Promise<Datacenter[]> { this.unsupported('catalog', 'listing data centers') }
  async listPlans(): Promise<PlanOffer[]> { this.unsupported('catalog', 'listing plans') }
  async listTemplates(_opts?: { plan?: string, serverId?: string }): Promise<OsTemplate[]> { this.unsupported('catalog', 'listing OS templates') }

  // dns
  async getDnsZone(_domain: string): Promise<DnsRecord[]> { this.unsupported('dns', 'DNS zones') }
  async validateDnsRecords(_domain: string, _records: DnsRecord[], _overwrite: boolean): Promise<void> { this.unsupported('dns', 'DNS validation') }
  /** `overwrite` replaces records of the same name and type (Hostinger semantics), not the whole zone. */
  async updateDnsRecords(_domain: string, _records: DnsRecord[], _overwrite: boolean, _opts?: { validated?: boolean }): Promise<void> { this.unsupported('dns', 'DNS updates') }
  async deleteDnsRecords(_domain: string, _filters: { name: string, type: string }[]): Promise<void> { this.unsupported('dns', 'deleting DNS records') }
  async resetDnsZone(_domain: string): Promise<void> { this.unsupported('dns', 'resetting DNS zones') }
  async listDnsSnapshots(_domain: string): Promise<DnsSnapshot[]> { this.unsupported('dns', 'DNS snapshots') }
  async getDnsSnapshot(_domain: string, _id: string): Promise<DnsSnapshot> { this.unsupported('dns', 'DNS snapshots') }
  async restoreDnsSnapshot(_domain: string, _id: string): Promise<void> { this.unsupported('dns', 'restoring DNS snapshots') }

  // domains
  async listDomains(): Promise<Domain[]> { this.unsupported('domains', 'domains') }
  async getDomain(_domain: string): Promise<Domain> { this.unsupported('domains', 'domains') }
  async checkDomains(_names: string[]): Promise<DomainAvailability[]> { this.unsupported('domains', 'domain availability') }
  /** Never retried. */
  async purchaseDomain(_input: DomainPurchaseInput): Promise<Domain> { this.unsupported('domains', 'buying domains') }
  async setNameservers(_domain: string, _ns: string[]): Promise<void> { this.unsupported('domains', 'nameservers') }
  async setDomainLock(_domain: string, _on: boolean): Promise<void> { this.unsupported('domains', 'domain lock') }
  async setDomainPrivacy(_domain: string, _on: boolean): Promise<void> { this.unsupported('domains', 'privacy protection') }

  // ssh keys
  async listSshKeys(): Promise<UpstreamSshKey[]> { this.unsupported('ssh_keys', 'SSH keys') }
  async addSshKey(_input: { name: string, public_key: string }): Promise<UpstreamSshKey> { this.unsupported('ssh_keys', 'adding SSH keys') }
  async deleteSshKey(_id: string): Promise<void> { this.unsupported('ssh_keys', 'deleting SSH keys') }

  // billing
  async getBalance(): Promise<Balance[]> { this.unsupported('billing', 'balances') }
  async getLimits(): Promise<UsageLimit[]> { this.unsupported('billing', 'usage limits') }
  async listSubscriptions(): Promise<Subscription[]> { this.unsupported('billing', 'subscriptions') }
  async listCatalog(): Promise<CatalogItem[]> { this.unsupported('billing', 'the product catalog') }
  async listPaymentMethods(): Promise<PaymentMethod[]> { this.unsupported('billing', 'payment methods') }

  // orders
  async listOrders(): Promise<UpstreamOrder[]> { this.unsupported('orders', 'orders') }
  async cancelOrder(_id: string): Promise<ActionResult> { this.unsupported('orders', 'cancelling orders') }

  // console
  /** A console session for the server: `type` asks for one kind where the provider has both. */
  async openConsole(_id: string, _opts: { type?: ConsoleType } = {}): Promise<ConsoleSession> { this.unsupported('console', 'a server console') }

  // firewalls (account level)
  async listFirewalls(): Promise<Firewall[]> { this.unsupported('firewall', 'account firewalls') }
  async getFirewall(_fw: string): Promise<Firewall> { this.unsupported('firewall', 'account firewalls') }
  async createFirewall(_input: { name: string }): Promise<Firewall> { this.unsupported('firewall', 'creating firewalls') }
  async deleteFirewall(_fw: string): Promise<void> { this.unsupported('firewall', 'deleting firewalls') }
  async createFirewallRule(_fw: string, _rule: FirewallRuleInput): Promise<FirewallRule> { this.unsupported('firewall', 'firewall rules') }
  async updateFirewallRule(_fw: string, _ruleId: string, _rule: FirewallRuleInput): Promise<FirewallRule> { this.unsupported('firewall', 'firewall rules') }
  async deleteFirewallRule(_fw: string, _ruleId: string): Promise<void> { this.unsupported('firewall', 'firewall rules') }
  async attachFirewall(_fw: string, _vm: string): Promise<ActionResult> { this.unsupported('firewall', 'activating firewalls on servers') }
  async detachFirewall(_fw: string, _vm: string): Promise<ActionResult> { this.unsupported('firewall', 'deactivating firewalls on servers') }
  async syncFirewall(_fw: string, _vm: string): Promise<ActionResult> { this.unsupported('firewall', 'syncing firewalls') }

  // firewall (per server)
  async getServerFirewall(_id: string, _iface: string): Promise<ServerFirewall> { this.unsupported('firewall', 'a server\'s own firewall') }
  async setServerFirewall(_id: string, _input: ServerFirewallInput): Promise<ServerFirewall> { this.unsupported('firewall', 'a server\'s own firewall') }
  // day-2 operations on one server (ids are upstream ids)
  async getMetrics(_id: string, _range: { from: Date, to: Date }): Promise<ServerMetrics> { this.unsupported('metrics', 'usage graphs') }
  /** The provider's snapshots of the server (Hostinger keeps at most one). */
  async listSnapshots(_id: string): Promise<ServerSnapshot[]> { this.unsupported('snapshots', 'snapshots') }
  async createSnapshot(_id: string): Promise<ActionResult> { this.unsupported('snapshots', 'taking snapshots') }
  async restoreSnapshot(_id: string, _snapshotId?: string): Promise<ActionResult> { this.unsupported('snapshots', 'restoring snapshots') }
  async deleteSnapshot(_id: string, _snapshotId?: string): Promise<ActionResult> { this.unsupported('snapshots', 'deleting snapshots') }
  async listBackups(_id: string): Promise<ServerBackup[]> { this.unsupported('backups', 'backups') }
  async restoreBackup(_id: string, _backupId: string): Promise<ActionResult> { this.unsupported('backups', 'restoring backups') }
  /** Reverse DNS of one of the server's addresses (given as the address). */
  async setPtr(_id: string, _ip: string, _domain: string): Promise<ActionResult> { this.unsupported('ptr', 'reverse DNS') }
  async deletePtr(_id: string, _ip: string): Promise<ActionResult> { this.unsupported('ptr', 'reverse DNS') }
  /** Reverse DNS per address, for the addresses the provider reports it for. */
  async listPtr(_id: string): Promise<{ ip: string, domain: string | null }[]> { this.unsupported('ptr', 'reverse DNS') }
  async startRecovery(_id: string, _rootPassword: string): Promise<ActionResult> { this.unsupported('recovery', 'recovery mode') }
  async stopRecovery(_id: string): Promise<ActionResult> { this.unsupported('recovery', 'recovery mode') }
  async listActions(_id: string): Promise<ProviderAction[]> { this.unsupported('activity', 'the action log') }
  async updateHostSettings(_id: string, _input: HostSettingsInput): Promise<ActionResult> { this.unsupported('host_settings', 'host settings') }
  /** Adds IPv4 addresses; answers the addresses added where the provider says them. */
  async addIpv4(_id: string, _input: IpAddInput): Promise<ActionResult & { addresses: string[] }> { this.unsupported('ip_addresses', 'adding addresses') }
  async removeIpv4(_id: string, _iface: NetworkInterface, _addresses: string[]): Promise<ActionResult> { this.unsupported('ip_addresses', 'removing addresses') }
  async getBackupPlan(_id: string): Promise<BackupPlan | null> { this.unsupported('backup_plan', 'backup plans') }
  /** `planId` null removes the plan. */
  async setBackupPlan(_id: string, _planId: string | null): Promise<ActionResult> { this.unsupported('backup_plan', 'backup plans') }
}
