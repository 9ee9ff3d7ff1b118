/**
 * The Hostinger simulator's account state. VM states are computed on read from "phase ends at"
 * timestamps, never from timers: a VM in a transition holds `actions_lock: locked` until its
 * last phase ends, then settles into its final state.
 */
import { SEED_CATALOG, SEED_DATA_CENTERS, SEED_PAYMENT_METHODS, SEED_PUBLIC_KEYS, SEED_TEMPLATES, seedSubscriptions, seedVms } from './fixtures'
import type { SimOptions } from '../../core/simulator'

/** The spec's VirtualMachineResource.state enum. */
export type VmState =
  | 'running' | 'starting' | 'stopping' | 'stopped' | 'creating' | 'initial' | 'error' | 'suspending'
  | 'unsuspending' | 'suspended' | 'destroying' | 'destroyed' | 'recreating' | 'restoring' | 'recovery'
  | 'stopping_recovery'

export interface SimDataCenter { id: number, name: string | null, location: string | null, city: string | null, continent: string | null }
export interface SimTemplate { id: number, name: string, description: string, documentation: string | null }
export interface SimPrice { id: string, name: string, currency: string, price: number, first_period_price: number, period: number, period_unit: 'day' | 'week' | 'month' | 'year' | 'none' }
export interface SimCatalogItem { id: string, name: string, category: string, metadata: Record<string, string> | null, prices: SimPrice[] }
export interface SimPaymentMethod {
  id: number, name: string, identifier: string, payment_method: string, is_default: boolean
  is_expired: boolean, is_suspended: boolean, created_at: string, expires_at: string
}
export interface SimSubscription {
  id: string, name: string, status: 'active' | 'paused' | 'cancelled' | 'not_renewing' | 'transferred' | 'in_trial' | 'future'
  billing_period: number, billing_period_unit: string, currency_code: string, total_price: number, renewal_price: number
  is_auto_renewed: boolean, created_at: string, expires_at: string | null, next_billing_at: string | null
}
export interface SimPublicKey { id: number, name: string, key: string }
export interface SimIp { id: number, address: string, ptr: string | null }
export interface SimAction { id: number, name: string, createdAt: number, doneAt: number }
export interface SimOrder { id: number, subscription_id: string, status: 'completed', currency: string, subtotal: number, total: number, created_at: string }

export interface SimVm {
  id: number
  firewall_group_id: number | null
  subscription_id: string | null
  data_center_id: number | null
  plan: string | null
  hostname: string
  /** The settled state; `transition` overrides it while a phase is running. */
  state: VmState
  transition?: { phases: { state: VmState, until: number }[], final: VmState }
  cpus: number
  memory: number
  disk: number
  bandwidth: number
  ns1: string | null
  ns2: string | null
  ipv4: SimIp[] | null
  ipv6: SimIp[] | null
  template_id: number | null
  created_at: string
  public_key_ids: number[]
  actions: SimAction[]
  /** The one snapshot Hostinger keeps (taking one replaces it); visible once `readyAt` has passed. */
  snapshot?: { id: number, readyAt: number, expiresAt: number }
  /** Automatic backups, newest last. */
  backups?: { id: number, size: number, location: string, createdAt: number }[]
  /** Nameservers past the two the VM resource shows. */
  ns3?: string | null
  /** Recovery mode's temporary root password (never echoed back). */
  recoveryPassword?: string
  /** Kept only to show it is never echoed back (the spec: "will not be shown in the response"). */
  password?: string
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export interface SimFirewallRule { id: number, action: 'accept' | 'drop', protocol: string, port: string, source: string, source_detail: string }
export interface SimFirewall { id: number, name: string, rules: SimFirewallRule[], createdAt: number, updatedAt: number, syncedAt: number | null }

export class HostingerState {
  dataCenters: SimDataCenter[] = []
  templates: SimTemplate[] = []
  catalog: SimCatalogItem[] = []
  paymentMethods: SimPaymentMethod[] = []
  subscriptions: SimSubscription[] = []
  publicKeys: SimPublicKey[] = []
  vms: SimVm[] = []
  orders: SimOrder[] = []
  /** Account-level firewalls (VPS.V1.Firewall.FirewallResource), with the VMs each is synced to. */
  firewalls: SimFirewall[] = []
  private seq = 0

  /** The sandbox's options object, read at each change: a test may lengthen transitions for a while. */
  constructor(private readonly opts: SimOptions) { this.reset() }
  get transitionMs() { return this.opts.transitionMs }

  reset() {
    const now = Date.now()
    const copy = <T>(v: T): T => structuredClone(v)
    this.dataCenters = copy(SEED_DATA_CENTERS)
    this.templates = copy(SEED_TEMPLATES)
    this.catalog = copy(SEED_CATALOG)
    this.paymentMethods = copy(SEED_PAYMENT_METHODS)
    this.subscriptions = seedSubscriptions(now)
    this.publicKeys = copy(SEED_PUBLIC_KEYS)
    this.vms = seedVms(now)
    this.orders = []
    this.firewalls = []
    // Ids are never handed out twice, not even across a reset (as no real provider would).
  }

  /** Fresh ids above every seeded one, distinct per kind only by range. */
  nextId(base: number) { return base + ++this.seq }

  findVm(id: string | undefined): SimVm | undefined {
    if (!id || !/^\d+$/.test(id)) return undefined
    return this.vms.find(v => v.id === Number(id))
  }

  findPrice(itemId: string): { item: SimCatalogItem, price: SimPrice } | undefined {
    for (const item of this.catalog) {
      const price = item.prices.find(p => p.id === itemId)
      if (price) return { item, price }
    }
    return undefined
  }

  /** The VM's state now, settling a finished transition. */
  stateOf(vm: SimVm, now = Date.now()): VmState {
    if (vm.transition) {
      const phase = vm.transition.phases.find(p => p.until > now)
      if (phase) return phase.state
      vm.state = vm.transition.final
      delete vm.transition
    }
    return vm.state
  }

  isLocked(vm: SimVm, now = Date.now()): boolean {
    this.stateOf(vm, now)
    return vm.transition !== undefined
  }

  /** Runs `phases` back to back (each `ms` long), then settles on `final`. */
  startTransition(vm: SimVm, phases: { state: VmState, ms: number }[], final: VmState, now = Date.now()) {
    let at = now
    vm.transition = { phases: phases.map(p => ({ state: p.state, until: (at += p.ms) })), final }
    return at
  }

  /** Records an action (the spec's Action resource) that completes at `doneAt`. */
  addAction(vm: SimVm, name: string, doneAt: number, now = Date.now()): SimAction {
    const action = { id: this.nextId(8_123_700), name, createdAt: now, doneAt }
    vm.actions.push(action)
    return action
  }

  actionResource(a: SimAction, now = Date.now()) {
    return { id: a.id, name: a.name, state: now < a.doneAt ? 'sent' : 'success', created_at: iso(a.createdAt), updated_at: iso(Math.min(now, a.doneAt)) }
  }

  vmResource(vm: SimVm, now = Date.now()) {
    const state = this.stateOf(vm, now)
    const t = vm.template_id === null ? null : this.templates.find(x => x.id === vm.template_id) ?? null
    return {
      id: vm.id,
      firewall_group_id: vm.firewall_group_id,
      subscription_id: vm.subscription_id,
      data_center_id: vm.data_center_id,
      plan: vm.plan,
      hostname: vm.hostname,
      state,
      actions_lock: vm.transition ? 'locked' : 'unlocked',
      cpus: vm.cpus,
      memory: vm.memory,
      disk: vm.disk,
      bandwidth: vm.bandwidth,
      ns1: vm.ns1,
      ns2: vm.ns2,
      ipv4: vm.ipv4,
      ipv6: vm.ipv6,
      template: t,
      created_at: vm.created_at,
    }
  }
}
