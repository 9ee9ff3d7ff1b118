/**
 * Inferno adapter. Everything goes through `call()` (see client.ts for the transport choices).
 *
 * Servers are orders: `create` buys a product and returns an order id, which every later call
 * uses (`getinfo`, `install`, power, `cancel`). The order is paid from the balance (Pending →
 * Active), then `install` puts a VPS on it.
 */
import { resultMessage } from '#shared/providers/action-results'
import { BaseAdapter } from '../base'
import { isProviderError, providerError } from '../errors'
import type {
  ActionResult, Balance, CatalogItem, ConnectionResult, CreateServerInput, DestroyInput, InstallInput, OsTemplate,
  PlanOffer, PlanOrderInput, PowerAction, ServerRecord, Subscription, UpstreamOrder, UpstreamSshKey,
} from '../types'
import { failureError, failureOf, PROVIDER, splitEndpoint, type InfernoAnswer } from './client'
import {
  hasVps, mapCatalogItem, mapOrder, mapOrderAsServer, mapPlan, mapServerInfo, mapService, mapSshKey,
  mapSubscription, mapTemplates, orderEntries, parseBalance, productEntries, entries,
  withProduct, type InfernoService,
} from './mappers'
import type { GetInfo, OrderEntry, ProductEntry, ServiceEntry, SshKeyEntry } from './upstream'

type Params = Record<string, string | number | undefined>

/** The one action the doc calls without credentials. */
const PUBLIC_LIST = 'list'

const POWER_ACTIONS: Partial<Record<PowerAction, { action: string, status: string }>> = {
  start: { action: 'boot', status: 'started' },
  stop: { action: 'stop', status: 'stopped' },
  restart: { action: 'reboot', status: 'restarted' },
}

/** getinfo calls in flight at once while listing servers. */
const INFO_CONCURRENCY = 4

const ONLY_PENDING_CANCELLABLE = 'Inferno can only cancel unpaid (Pending) orders; an active server is cancelled from the Inferno panel'

export class InfernoAdapter extends BaseAdapter {
  private get script() { return splitEndpoint(String(this.ctx.settings.base_url ?? '')).script }
  private get cid() { return String(this.ctx.settings.cid ?? '').trim() }
  private get currency() { return String(this.ctx.settings.currency ?? '').trim() || 'EUR' }

  /**
   * One action, in the doc's JSON style: POST `?action=…` with `{"cid":…, …params}` and the key
   * in `X-Key`. Reads are retried, writes never. `list` needs no key: a bare GET, as documented.
   */
  protected async call<T extends object>(action: string, params: Params = {}, opts: { write?: boolean } = {}): Promise<T & InfernoAnswer> {
    const res = action === PUBLIC_LIST
      ? await this.http.request<T & InfernoAnswer>({ method: 'GET', path: this.script, query: { action } })
      : await this.authed<T & InfernoAnswer>(action, params, !opts.write)
    const body = res.data
    if (!body || typeof body !== 'object') throw providerError(PROVIDER, 'bad_response', `Inferno answered ${action} with an empty or non-object body`, { upstreamStatus: res.status })
    const failure = failureOf(body)
    if (failure) throw failureError(action, failure)
    return body
  }

  private authed<T>(action: string, params: Params, idempotent: boolean) {
    if (!this.cid) throw providerError(PROVIDER, 'provider_auth', 'Inferno needs the client id (cid) setting: it is returned by getApiKey next to the API key')
    return this.http.request<T>({ method: 'POST', path: this.script, query: { action }, json: { cid: this.cid, ...params }, idempotent })
  }

  /**
   * `orders` has a documented shape and needs the key, so it proves the credentials. The
   * balance is extra: its field names are not documented, so it is shown as "unknown" when it
   * cannot be read, never as a failed test.
   */
  override async testConnection(): Promise<ConnectionResult> {
    const orders = await this.orderList()
    const balance = await this.call<object>('balance').then(parseBalance).catch(() => null)
    const money = balance ? `${balance.amount.toFixed(2)} ${balance.currency ?? this.currency}` : null
    const params = { provider: 'Inferno', count: orders.length, ...(money ? { balance: money } : {}) }
    return { message: `Inferno connection successful: ${orders.length} order(s). Balance: ${money ?? 'unknown'}`, code: money ? 'connected_orders_balance' : 'connected_orders', params }
  }

  // ---------- servers ----------

  private async orderList(): Promise<OrderEntry[]> {
    return orderEntries(await this.call<{ orders?: unknown }>('orders'))
  }

  private async info(id: string): Promise<GetInfo> {
    const info = await this.call<GetInfo>('getinfo', { orderid: id })
    // A cancelled order is gone for us, whatever the API keeps about it.
    if (info.orderStatus === 'Cancelled') throw providerError(PROVIDER, 'not_found', `Inferno: order ${id} is cancelled`)
    return info
  }

  /**
   * Each order's product (so its vCPU, RAM, disk and plan name), from `services` (which names
   * the order's pid) and the `list` catalog, or, where services say nothing, the one product
   * whose price is the order's amount. Empty when neither answers: specs are then unknown.
   */
  private async productsByOrder(orders: OrderEntry[]): Promise<Map<string, ProductEntry>> {
    const [services, catalog] = await Promise.all([
      this.listServices().catch(() => [] as InfernoService[]),
      this.catalog().catch(() => ({})),
    ])
    const products = productEntries(catalog)
    const byPid = new Map(products.map(p => [String(p.pid), p]))
    const out = new Map<string, ProductEntry>()
    for (const s of services) if (s.orderId && s.planId && byPid.has(s.planId)) out.set(s.orderId, byPid.get(s.planId)!)
    for (const o of orders) {
      if (out.has(o.id) || !o.amount) continue
      const same = products.filter(p => p.price !== undefined && Number(p.price) === Number(o.amount))
      if (same.length === 1) out.set(o.id, same[0]!)
    }
    return out
  }

  /** Pending orders come from the list alone; Active ones are read with getinfo. */
  override async listServers(): Promise<ServerRecord[]> {
    const orders = (await this.orderList()).filter(o => o.status !== 'Cancelled')
    const products = await this.productsByOrder(orders)
    const records = await this.listOrderServers(orders)
    return records.map(r => withProduct(r, products.get(r.upstreamId), this.currency))
  }

  private async listOrderServers(orders: OrderEntry[]): Promise<ServerRecord[]> {
    return mapLimit(orders, INFO_CONCURRENCY, async (o) => {
      if (o.status !== 'Active') return mapOrderAsServer(o)
      try {
        return mapServerInfo(o.id, await this.info(o.id), o)
      }
      catch (e) {
        // Cancelled between the two calls: leave it out rather than fail the whole list.
        if (isProviderError(e) && e.code === 'not_found') return null
        if (isProviderError(e) && e.code === 'provider_auth') throw e
        // One unreadable order: the rest of the list still comes, this one marked.
        return { ...mapOrderAsServer(o), status: 'unknown' as const, detailError: (e as Error).message }
      }
    }).then(list => list.filter((s): s is ServerRecord => s !== null))
  }

  /** The order list alone: an order carries nothing of ours, only its id counts. */
  override async listServerMarks() {
    return (await this.orderList()).map(o => ({ id: o.id, marks: [] as string[] }))
  }

  override async getServer(id: string): Promise<ServerRecord> {
    const record = mapServerInfo(id, await this.info(id))
    const product = (await this.productsByOrder((await this.orderList().catch(() => [])).filter(o => o.id === id))).get(id)
    return withProduct(record, product, this.currency)
  }

  /** Buys `input.plan` (a product id). Sent once: a lost answer is settled by the exactly-once engine (order list before/after under the account lock). */
  override async createServer(input: CreateServerInput): Promise<ServerRecord> {
    const out = await this.call<{ orderid?: number | string, invoiceid?: number | string, productids?: string }>('create', { pid: input.plan }, { write: true })
    if (out.orderid === undefined || out.orderid === null || out.orderid === '') {
      throw providerError(PROVIDER, 'bad_response', 'Inferno accepted the order but returned no orderid')
    }
    const id = String(out.orderid)
    return mapOrderAsServer({ id, invoiceid: String(out.invoiceid ?? ''), status: 'Pending' }, { pid: input.plan, invoiceid: out.invoiceid, productids: out.productids })
  }

  /** `install` on a paid order: validated with run=0, then run=1 (only run=0 for a dry run). */
  /** Only the product is sent: Inferno sets the name, and the install step takes the rest. */
  override createInputForPlan(m: Record<string, string>, order: PlanOrderInput): CreateServerInput {
    return { plan: m.pid!, hostname: order.hostname }
  }

  /** Inferno's own dry run (`run=0`). */
  override async dryRunReinstall(id: string, input: { template: string, sshKeyIds?: string[] }): Promise<ActionResult> {
    return this.reinstall(id, { ...input, dryRun: true })
  }

  override async installServer(id: string, input: InstallInput): Promise<ActionResult> {
    return this.setup('install', id, input)
  }

  override async reinstall(id: string, input: InstallInput): Promise<ActionResult> {
    return this.setup('reinstall', id, input)
  }

  private async setup(action: 'install' | 'reinstall', id: string, input: InstallInput): Promise<ActionResult> {
    if (!input.template) throw providerError(PROVIDER, 'invalid_request', `Inferno ${action} needs a template (ostpl)`)
    // Hostname and password are not settable: Inferno names the VPS after its IP and makes the password.
    const params = { orderid: id, ostpl: input.template, sshkey_ids: (input.sshKeyIds ?? []).join(',') }
    const check = await this.call<InfernoAnswer>(action, { ...params, run: 0 }, { write: true })
    if (input.dryRun) {
      const said = check.retx?.msg ?? check.msg
      return { status: 'validated', ...(said ? resultMessage('provider_said', { provider: PROVIDER, text: said }) : resultMessage('parameters_ok', { provider: PROVIDER })) }
    }
    const run = await this.call<InfernoAnswer>(action, { ...params, run: 1 }, { write: true })
    const said = run.retx?.msg ?? run.msg
    return { status: action === 'install' ? 'installing' : 'reinstalling', ...(said ? resultMessage('provider_said', { provider: PROVIDER, text: said }) : {}) }
  }

  override async power(id: string, action: PowerAction): Promise<ActionResult> {
    const p = POWER_ACTIONS[action]
    if (!p) this.unsupported('power', `power action "${action}"`)
    await this.call(p.action, { orderid: id }, { write: true })
    return { status: p.status }
  }

  /** Inferno has no delayed deletion: `delayMinutes` does not apply. */
  override async destroy(id: string, _input: DestroyInput = {}): Promise<ActionResult> {
    return this.cancelOrder(id)
  }

  override async getRootPassword(id: string): Promise<{ username: string, password: string }> {
    const info = await this.info(id)
    const password = hasVps(info) ? info.vps_info!.vps_password : undefined
    if (!password) throw providerError(PROVIDER, 'conflict', `Inferno: order ${id} has no installed VPS yet, so there is no root password`)
    return { username: 'root', password }
  }

  // ---------- catalog ----------

  private async catalog() {
    return this.call<{ ostpls?: unknown, products?: unknown }>('list')
  }

  override async listPlans(): Promise<PlanOffer[]> {
    return productEntries(await this.catalog()).map(p => mapPlan(p, this.currency))
  }

  override async listTemplates(): Promise<OsTemplate[]> {
    return mapTemplates((await this.catalog()).ostpls)
  }

  override async listCatalog(): Promise<CatalogItem[]> {
    return productEntries(await this.catalog()).map(p => mapCatalogItem(p, this.currency))
  }

  // ---------- ssh keys ----------

  override async listSshKeys(): Promise<UpstreamSshKey[]> {
    const body = await this.call<{ list?: unknown }>('sshkey.list')
    return entries<SshKeyEntry>(body.list).map(([, k]) => mapSshKey(k))
  }

  /** `sshkey.add` answers only "added": the new key is found by re-reading the list. */
  override async addSshKey(input: { name: string, public_key: string }): Promise<UpstreamSshKey> {
    const text = input.public_key.trim()
    await this.call('sshkey.add', { sshkey: text, name: input.name }, { write: true })
    const blob = text.split(/\s+/)[1]
    const keys = (await this.listSshKeys()).sort((a, b) => Number(b.id) - Number(a.id))
    const found = keys.find(k => blob && k.public_key?.split(/\s+/)[1] === blob) ?? keys.find(k => k.name === input.name)
    if (!found) throw providerError(PROVIDER, 'bad_response', `Inferno said the SSH key "${input.name}" was added, but it is not in the key list`)
    return found
  }

  override async deleteSshKey(id: string): Promise<void> {
    await this.call('sshkey.remove', { id }, { write: true })
  }

  // ---------- billing and orders ----------

  override async getBalance(): Promise<Balance[]> {
    const body = await this.call<object>('balance')
    const balance = parseBalance(body)
    if (!balance) throw providerError(PROVIDER, 'bad_response', 'Inferno answered balance without anything that reads as an amount')
    return [{ amount: balance.amount, currency: balance.currency ?? this.currency, extra: body }]
  }

  /** Inferno's services (undocumented shape; WHMCS-like). Adapter-specific. */
  async listServices(): Promise<InfernoService[]> {
    const body = await this.call<{ services?: unknown }>('services')
    return entries<ServiceEntry>(body.services).map(([key, s]) => mapService({ ...s, id: s?.id ?? key }))
  }

  async getService(id: string): Promise<InfernoService> {
    const body = await this.call<{ service?: ServiceEntry } & ServiceEntry>('getService', { serviceid: id })
    return mapService({ ...(body.service ?? body), id: body.service?.id ?? id })
  }

  /** A subscription per service: what the account pays for, with its next due date. */
  override async listSubscriptions(): Promise<Subscription[]> {
    return (await this.listServices()).map(s => mapSubscription(s, this.currency))
  }

  override async listOrders(): Promise<UpstreamOrder[]> {
    return (await this.orderList()).map(o => mapOrder(o, this.currency))
  }

  /** The doc's one failure, "Order ID not found or Status not Pending", is told apart by reading the orders. */
  override async cancelOrder(id: string): Promise<ActionResult> {
    try {
      await this.call('cancel', { orderid: id }, { write: true })
      return { status: 'cancelled' }
    }
    catch (e) {
      if (!isProviderError(e) || e.code !== 'conflict') throw e
      const order = (await this.orderList()).find(o => o.id === id)
      if (!order) throw providerError(PROVIDER, 'not_found', `Inferno: order ${id} not found`)
      if (order.status !== 'Pending') throw providerError(PROVIDER, 'conflict', `${ONLY_PENDING_CANCELLABLE} (order ${id} is ${order.status})`)
      throw e
    }
  }
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
