/**
 * The Hostinger adapter: VPS (list, read, buy, set up, power, recreate), catalog, SSH keys and
 * billing. DNS and domains live in their own modules.
 *
 * `CreateServerInput.options` (all optional): `post_install_script_id` (number), `enable_backups`,
 * `install_monarx` (booleans), `ns1`, `ns2` (resolver IPs), `coupons` (string[]), and
 * `public_key` ({name, key}) to install a key that is not in the account yet.
 */
import { resultMessage } from '#shared/providers/action-results'
import { BaseAdapter } from '../base'
import { NotSupportedError, ProviderError, providerError } from '../errors'
import type {
  DnsRecord, DomainPurchaseInput, HostSettingsInput,
  ActionResult, CatalogItem, ConnectionResult, CreateServerInput, Datacenter, InstallInput, OsTemplate, PaymentMethod,
  PlanOffer, PlanOrderInput, PowerAction, ServerRecord, Subscription, UpstreamSshKey, Firewall, FirewallRule, FirewallRuleInput,
} from '../types'
import { PATHS } from './client'
import { hostingerDns } from './dns'
import { hostingerFirewalls } from './firewalls'
import { hostingerDomains } from './domains'
import { hostingerOps } from './ops'
import {
  mapCatalog, mapDatacenter, mapPaymentMethod, mapPlans, mapServer, mapSshKey, mapSubscription, mapTemplate,
} from './mappers'
import type {
  HAction, HCatalogItem, HDataCenter, HPage, HPaymentMethod, HPublicKey, HPurchaseResponse, HSubscription, HTemplate,
  HVirtualMachine,
} from './upstream'

const MAX_KEY_PAGES = 100
/** States a VM must be in for recreate (the others are transitions, or not set up). */
const RECREATABLE = ['running', 'stopped', 'error']
const POWER_WORDS: Record<'start' | 'stop' | 'restart', string> = { start: 'started', stop: 'stopped', restart: 'restarted' }

export class HostingerAdapter extends BaseAdapter {
  private dcIndex?: Promise<Map<string, Datacenter>>
  private get fw() { return hostingerFirewalls(this.http, this.name) }

  // firewalls (account level)
  override async listFirewalls(): Promise<Firewall[]> { return this.fw.list() }
  override async getFirewall(fw: string): Promise<Firewall> { return this.fw.get(fw) }
  override async createFirewall(input: { name: string }): Promise<Firewall> { return this.fw.create(input) }
  override async deleteFirewall(fw: string): Promise<void> { return this.fw.remove(fw) }
  override async createFirewallRule(fw: string, rule: FirewallRuleInput): Promise<FirewallRule> { return this.fw.addRule(fw, rule) }
  override async updateFirewallRule(fw: string, ruleId: string, rule: FirewallRuleInput): Promise<FirewallRule> { return this.fw.updateRule(fw, ruleId, rule) }
  override async deleteFirewallRule(fw: string, ruleId: string): Promise<void> { return this.fw.removeRule(fw, ruleId) }
  override async attachFirewall(fw: string, vm: string): Promise<ActionResult> { return this.fw.activate(fw, vm) }
  override async detachFirewall(fw: string, vm: string): Promise<ActionResult> { return this.fw.deactivate(fw, vm) }
  override async syncFirewall(fw: string, vm: string): Promise<ActionResult> { return this.fw.sync(fw, vm) }

  private get name() { return this.meta.displayName }

  private invalid(message: string): never {
    throw providerError(this.name, 'invalid_request', message)
  }

  /** Hostinger ids are integers; anything else is our caller's mistake, caught before a purchase. */
  private intId(value: string | number | undefined, what: string): number {
    const s = String(value ?? '').trim()
    if (!/^\d+$/.test(s)) this.invalid(`${this.name} needs a numeric ${what} (got "${value ?? ''}")`)
    return Number(s)
  }

  /** Data centers by id, for readable regions; fetched once per adapter, never fatal. */
  private async dataCenterIndex(): Promise<Map<string, Datacenter>> {
    this.dcIndex ??= this.listDatacenters().then(list => new Map(list.map(d => [d.id, d])))
    try { return await this.dcIndex }
    catch {
      this.dcIndex = undefined
      return new Map()
    }
  }

  override async testConnection(): Promise<ConnectionResult> {
    const dcs = await this.http.get<HDataCenter[]>(PATHS.dataCenters)
    const n = Array.isArray(dcs) ? dcs.length : 0
    return { message: `Hostinger connection successful (${n} data center${n === 1 ? '' : 's'})`, code: 'connected_datacenters', params: { provider: 'Hostinger', count: n } }
  }

  // ---------- servers ----------

  override async listServers(): Promise<ServerRecord[]> {
    const vms = await this.http.get<HVirtualMachine[]>(PATHS.vms)
    if (!Array.isArray(vms)) throw providerError(this.name, 'bad_response', `${this.name} answered the VM list with something other than a list`)
    const dcs = vms.some(v => v.data_center_id != null) ? await this.dataCenterIndex() : undefined
    return vms.map(vm => mapServer(vm, dcs))
  }

  override async getServer(id: string): Promise<ServerRecord> {
    const vm = await this.http.get<HVirtualMachine>(PATHS.vm(id))
    return mapServer(vm, vm.data_center_id != null ? await this.dataCenterIndex() : undefined)
  }

  /** `{name, key}` of an account key, for a setup body (which takes contents, not ids). */
  private async setupKey(ids: string[] | undefined, options?: Record<string, unknown>): Promise<{ name: string, key: string } | undefined> {
    const wanted = (ids ?? []).filter(Boolean)
    if (wanted.length > 1) this.invalid(`${this.name} installs one SSH key when setting up a VM; attach the others once it runs`)
    if (wanted.length === 1) {
      const key = (await this.listSshKeys()).find(k => k.id === String(wanted[0]))
      if (!key?.public_key) this.invalid(`SSH key ${wanted[0]} is not in this ${this.name} account`)
      return { name: key.name, key: key.public_key }
    }
    const pk = options?.public_key as { name?: unknown, key?: unknown } | undefined
    if (pk && typeof pk.name === 'string' && typeof pk.key === 'string') return { name: pk.name, key: pk.key }
    return undefined
  }

  /** A template id, given its id or its exact name ("Ubuntu 24.04 LTS"). */
  private async templateId(template: string | undefined): Promise<number> {
    if (!template?.trim()) this.invalid(`${this.name} needs an OS template`)
    if (/^\d+$/.test(template.trim())) return Number(template.trim())
    const found = (await this.listTemplates()).find(t => t.name.toLowerCase() === template.trim().toLowerCase())
    if (!found) this.invalid(`${this.name} has no OS template named "${template}"`)
    return Number(found.id)
  }

  private setupOptions(options: Record<string, unknown> | undefined) {
    const o = options ?? {}
    const out: Record<string, unknown> = {}
    if (o.post_install_script_id !== undefined) out.post_install_script_id = this.intId(o.post_install_script_id as string, 'post-install script id')
    for (const k of ['enable_backups', 'install_monarx'] as const) if (typeof o[k] === 'boolean') out[k] = o[k]
    for (const k of ['ns1', 'ns2'] as const) if (typeof o[k] === 'string' && o[k]) out[k] = o[k]
    return out
  }

  /** Buys and sets up a VM in one call. Never retried: a lost answer is settled by the exactly-once engine (services/exactly-once). */
  override async createServer(input: CreateServerInput): Promise<ServerRecord> {
    if (!input.plan) this.invalid(`${this.name} needs a plan (a catalog price id such as hostingercom-vps-kvm2-usd-1m)`)
    const dataCenterId = this.intId(input.dataCenterId, 'data center id')
    const paymentMethodId = input.paymentMethodId ? this.intId(input.paymentMethodId, 'payment method id') : undefined
    const templateId = await this.templateId(input.template)
    const publicKey = await this.setupKey(input.sshKeyIds, input.options)
    const coupons = Array.isArray(input.options?.coupons) ? (input.options.coupons as unknown[]).map(String) : undefined
    const body = {
      item_id: input.plan,
      ...(paymentMethodId !== undefined ? { payment_method_id: paymentMethodId } : {}),
      setup: {
        template_id: templateId,
        data_center_id: dataCenterId,
        hostname: input.hostname,
        ...(input.password ? { password: input.password } : {}),
        ...(publicKey ? { public_key: publicKey } : {}),
        ...this.setupOptions(input.options),
      },
      ...(coupons?.length ? { coupons } : {}),
    }
    const res = (await this.http.request<HPurchaseResponse>({ method: 'POST', path: PATHS.vms, json: body, idempotent: false })).data
    if (!res?.virtual_machine) throw providerError(this.name, 'bad_response', `${this.name} confirmed the purchase without describing the VM (order ${res?.order?.id ?? 'unknown'})`)
    const record = mapServer(res.virtual_machine, await this.dataCenterIndex())
    return { ...record, extra: { ...res.virtual_machine, order: res.order } }
  }

  /**
   * POST …/setup for a VM in `initial` state (bought in hPanel, or a purchase whose setup
   * failed). A purchase through createServer sets the VM up itself, so no install step follows it.
   */
  override async installServer(id: string, input: InstallInput): Promise<ActionResult> {
    if (input.dryRun) throw new NotSupportedError(this.name, 'a dry run of VM setup')
    const vm = await this.http.get<HVirtualMachine>(PATHS.vm(id))
    if (vm.state !== 'initial') throw providerError(this.name, 'conflict', `${this.name} VM ${id} is already set up (state: ${vm.state})`)
    const dc = vm.data_center_id ?? this.ctx.settings.default_data_center_id
    if (dc === null || dc === undefined || dc === '') {
      this.invalid(`${this.name} VM ${id} has no data center yet: set "Default data center ID" in the account settings`)
    }
    const publicKey = await this.setupKey(input.sshKeyIds)
    const body = {
      template_id: await this.templateId(input.template),
      data_center_id: this.intId(dc as string | number, 'data center id'),
      ...(input.hostname ? { hostname: input.hostname } : {}),
      ...(input.password ? { password: input.password } : {}),
      ...(publicKey ? { public_key: publicKey } : {}),
    }
    await this.stateRefusal(id, ['initial'], 'set up', () =>
      this.http.request<HVirtualMachine>({ method: 'POST', path: `${PATHS.vm(id)}/setup`, json: body }))
    return { status: 'installing', ...resultMessage('setup_started', { provider: this.name, id }) }
  }

  /**
   * Hostinger answers every refusal with 422. One from a body-less call (power) can only be
   * about the VM's state; one from a call with a body may be a field error, so the VM is read
   * back: locked or in a state that cannot take the action → conflict.
   */
  private async stateRefusal<T>(id: string, allowed: string[] | 'no-body', verb: string, call: () => Promise<T>): Promise<T> {
    try { return await call() }
    catch (e) {
      if (!(e instanceof ProviderError) || e.upstreamStatus !== 422) throw e
      const detail = e.message.replace(/^.*?refused the request:?\s*/, '')
      const conflict = () => providerError(this.name, 'conflict', `${this.name} refused to ${verb} VM ${id}: ${detail}`, {
        upstreamStatus: e.upstreamStatus, correlationId: e.correlationId,
      })
      if (allowed === 'no-body') throw conflict()
      const vm = await this.http.get<HVirtualMachine>(PATHS.vm(id)).catch(() => undefined)
      if (vm && (vm.actions_lock === 'locked' || !allowed.includes(vm.state))) throw conflict()
      throw e
    }
  }

  override async power(id: string, action: PowerAction): Promise<ActionResult> {
    if (action === 'poweroff') return super.power(id, action)
    // The spec: starting a running VM (stopping a stopped one) is accepted and does nothing, so
    // a repeated start/stop is safe; a repeated restart would reboot twice.
    const res = await this.stateRefusal(id, 'no-body', action, () =>
      this.http.request<HAction>({ method: 'POST', path: `${PATHS.vm(id)}/${action}`, idempotent: action !== 'restart' }))
    return { status: POWER_WORDS[action], ...(res.data?.id ? resultMessage('provider_action', { provider: this.name, id: res.data.id, state: String(res.data.state) }) : {}) }
  }

  /** POST …/recreate: reinstalls the OS (disk wiped, snapshots deleted). */
  override async reinstall(id: string, input: InstallInput): Promise<ActionResult> {
    if (input.dryRun) throw new NotSupportedError(this.name, 'a dry run of a reinstall')
    if (input.sshKeyIds?.length) this.invalid(`${this.name}'s recreate takes no SSH keys: attach them once the VM runs again`)
    const body = { template_id: await this.templateId(input.template), ...(input.password ? { password: input.password } : {}) }
    const res = await this.stateRefusal(id, RECREATABLE, 'reinstall', () =>
      this.http.request<HAction>({ method: 'POST', path: `${PATHS.vm(id)}/recreate`, json: body }))
    return { status: 'reinstalling', ...(res.data?.id ? resultMessage('provider_action_started', { provider: this.name, id: res.data.id }) : {}) }
  }

  // ---------- catalog ----------

  override async listDatacenters(): Promise<Datacenter[]> {
    return (await this.http.get<HDataCenter[]>(PATHS.dataCenters)).map(mapDatacenter)
  }

  override async listTemplates(): Promise<OsTemplate[]> {
    return (await this.http.get<HTemplate[]>(PATHS.templates)).map(mapTemplate)
  }

  override async listPlans(): Promise<PlanOffer[]> {
    return mapPlans(await this.http.get<HCatalogItem[]>(PATHS.catalog, { category: 'VPS' }))
  }

  // ---------- ssh keys ----------

  override async listSshKeys(): Promise<UpstreamSshKey[]> {
    const out: UpstreamSshKey[] = []
    for (let page = 1; page <= MAX_KEY_PAGES; page++) {
      const res = await this.http.get<HPage<HPublicKey>>(PATHS.publicKeys, { page })
      const data = Array.isArray(res?.data) ? res.data : []
      out.push(...data.map(mapSshKey))
      const { total, per_page: perPage } = res?.meta ?? {}
      const done = data.length === 0 || (total !== undefined ? out.length >= total : perPage !== undefined && data.length < perPage)
      if (done) break
    }
    return out
  }

  override async addSshKey(input: { name: string, public_key: string }): Promise<UpstreamSshKey> {
    const res = await this.http.request<HPublicKey>({ method: 'POST', path: PATHS.publicKeys, json: { name: input.name, key: input.public_key.trim() } })
    return mapSshKey(res.data)
  }

  override async deleteSshKey(id: string): Promise<void> {
    await this.http.request({ method: 'DELETE', path: PATHS.publicKey(id) })
  }

  /** Hostinger-only: attaches account keys to a VM (its setup/recreate take contents, not ids). */
  /** The purchase sets the VM up with at most `max_ssh_keys` keys; the install step attaches the rest. */
  override createInputForPlan(m: Record<string, string>, order: PlanOrderInput): CreateServerInput {
    const keys = order.sshKeyIds.slice(0, this.meta.facts.create.max_ssh_keys)
    return { plan: m.item!, dataCenterId: m.dataCenterId, template: order.template, hostname: order.hostname, sshKeyIds: keys }
  }

  override async finishSetup(id: string, input: { sshKeyIds: string[] }): Promise<ActionResult | null> {
    const rest = input.sshKeyIds.slice(this.meta.facts.create.max_ssh_keys)
    return rest.length ? this.attachSshKeys(id, rest) : null
  }

  async attachSshKeys(vmId: string, ids: string[]): Promise<ActionResult> {
    if (!ids.length) this.invalid(`${this.name} needs at least one SSH key id to attach`)
    const body = { ids: ids.map(id => this.intId(id, 'SSH key id')) }
    const res = await this.http.request<HAction>({ method: 'POST', path: PATHS.attachKeys(vmId), json: body })
    return { status: 'attached', ...(res.data?.id ? resultMessage('keys_attached_action', { count: ids.length, id: vmId, action: res.data.id }) : resultMessage('keys_attached', { count: ids.length, id: vmId })) }
  }

  // ---------- billing ----------

  override async listSubscriptions(): Promise<Subscription[]> {
    return (await this.http.get<HSubscription[]>(PATHS.subscriptions)).map(mapSubscription)
  }

  override async listCatalog(): Promise<CatalogItem[]> {
    return mapCatalog(await this.http.get<HCatalogItem[]>(PATHS.catalog))
  }

  override async listPaymentMethods(): Promise<PaymentMethod[]> {
    return (await this.http.get<HPaymentMethod[]>(PATHS.paymentMethods)).map(mapPaymentMethod)
  }

  // ---------- DNS and domains (their own modules) ----------

  private readonly dns = hostingerDns(this.http, this.meta.displayName)
  private readonly domains = hostingerDomains(this.http, this.meta.displayName)

  override getDnsZone(domain: string) { return this.dns.getDnsZone(domain) }
  override validateDnsRecords(domain: string, records: DnsRecord[], overwrite: boolean) { return this.dns.validateDnsRecords(domain, records, overwrite) }
  override updateDnsRecords(domain: string, records: DnsRecord[], overwrite: boolean, opts?: { validated?: boolean }) { return this.dns.updateDnsRecords(domain, records, overwrite, opts) }
  override deleteDnsRecords(domain: string, filters: { name: string, type: string }[]) { return this.dns.deleteDnsRecords(domain, filters) }
  override resetDnsZone(domain: string) { return this.dns.resetDnsZone(domain) }
  override listDnsSnapshots(domain: string) { return this.dns.listDnsSnapshots(domain) }
  override getDnsSnapshot(domain: string, id: string) { return this.dns.getDnsSnapshot(domain, id) }
  override restoreDnsSnapshot(domain: string, id: string) { return this.dns.restoreDnsSnapshot(domain, id) }

  override listDomains() { return this.domains.listDomains() }
  override getDomain(domain: string) { return this.domains.getDomain(domain) }
  override checkDomains(names: string[]) { return this.domains.checkDomains(names) }
  override purchaseDomain(input: DomainPurchaseInput) { return this.domains.purchaseDomain(input) }
  override setNameservers(domain: string, ns: string[]) { return this.domains.setNameservers(domain, ns) }
  override setDomainLock(domain: string, on: boolean) { return this.domains.setDomainLock(domain, on) }
  override setDomainPrivacy(domain: string, on: boolean) { return this.domains.setDomainPrivacy(domain, on) }

  // ---------- day-2 operations (their own module) ----------

  private readonly ops = hostingerOps(this.http, this.meta.displayName)

  override getMetrics(id: string, range: { from: Date, to: Date }) { return this.ops.getMetrics(id, range) }
  override listSnapshots(id: string) { return this.ops.listSnapshots(id) }
  override createSnapshot(id: string) { return this.ops.createSnapshot(id) }
  override restoreSnapshot(id: string) { return this.ops.restoreSnapshot(id) }
  override deleteSnapshot(id: string) { return this.ops.deleteSnapshot(id) }
  override listBackups(id: string) { return this.ops.listBackups(id) }
  override restoreBackup(id: string, backupId: string) { return this.ops.restoreBackup(id, backupId) }
  override listPtr(id: string) { return this.ops.listPtr(id) }
  override setPtr(id: string, ip: string, domain: string) { return this.ops.setPtr(id, ip, domain) }
  override deletePtr(id: string, ip: string) { return this.ops.deletePtr(id, ip) }
  override startRecovery(id: string, rootPassword: string) { return this.ops.startRecovery(id, rootPassword) }
  override stopRecovery(id: string) { return this.ops.stopRecovery(id) }
  override listActions(id: string) { return this.ops.listActions(id) }
  override updateHostSettings(id: string, input: HostSettingsInput) { return this.ops.updateHostSettings(id, input) }
}
