/**
 * VirtFusion V6 adapter (self-hosted panel, admin "Global API").
 *
 * Creating a server is two calls: POST /servers allocates it (package, owner, hypervisor group;
 * no OS), then `installServer` builds it from an OS template. `CreateServerInput.options` may carry:
 *   - userId        VirtFusion user that owns the server (default: setting `user_id`)
 *   - hypervisorId  hypervisor group (default: `dataCenterId`, then setting `hypervisor_id`)
 *   - ipv4, storage, traffic, memory, cpuCores, networkSpeedInbound, networkSpeedOutbound,
 *     storageProfile, networkProfile, firewallRulesets, hypervisorAssetGroups,
 *     additionalStorage{1,2}{Enable,Profile,Capacity}: passed to POST /servers as they are.
 */
import { resultMessage } from '#shared/providers/action-results'
import { BaseAdapter } from '../base'
import { isProviderError, providerError } from '../errors'
import type {
  ActionResult, ConnectionResult, ConsoleSession, ConsoleType, CreateServerInput, ServerFirewall, ServerFirewallInput, CustomerUser, Datacenter, DestroyInput, InstallInput, OsTemplate,
  PlanOffer, PlanOrderInput, PortalCustomer, PowerAction, ResizeInput, ServerRecord, UpstreamSshKey, HostSettingsInput, IpAddInput, NetworkInterface,
} from '../types'
import { mapLimit, VirtfusionApi } from './client'
import { knownServers, planReads, rowSignature, type ListRow } from './known-servers'
import { cachedCatalog, withNames, type NameCatalog } from './names'
import { toDatacenter, toPlan, toServerRecord, toSshKey, toTemplates } from './mappers'
import { DISPLAY_NAME, MAX_DELETE_DELAY_MINUTES } from './metadata'
import { virtfusionOps } from './ops'

type Obj = Record<string, any>

const POWER_PATH: Record<PowerAction, string> = { start: 'boot', stop: 'shutdown', restart: 'restart', poweroff: 'poweroff' }
const POWER_DONE: Record<PowerAction, string> = { start: 'started', stop: 'stopped', restart: 'restarted', poweroff: 'stopped' }

const CREATE_PASSTHROUGH = [
  'ipv4', 'storage', 'traffic', 'memory', 'cpuCores', 'networkSpeedInbound', 'networkSpeedOutbound', 'storageProfile',
  'networkProfile', 'firewallRulesets', 'hypervisorAssetGroups', 'additionalStorage1Enable', 'additionalStorage2Enable',
  'additionalStorage1Profile', 'additionalStorage2Profile', 'additionalStorage1Capacity', 'additionalStorage2Capacity',
]

const invalid = (message: string) => providerError(DISPLAY_NAME, 'invalid_request', message)

/** A VirtFusion id: a positive integer, given as number or digits. */
function toId(v: unknown): number | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : ''
  return /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : null
}

/** A server known only from its list row (its details could not be read this time). */
function rowOnlyRecord(row: Obj, detailError: string): ServerRecord {
  const id = String(row.id)
  return {
    upstreamId: id, name: typeof row.name === 'string' && row.name ? row.name : `Server ${id}`, hostname: null,
    status: row.suspended ? 'suspended' : 'unknown', rawStatus: row.suspended ? 'suspended' : 'unknown',
    ipv4: [], ipv6: [], os: null, vcpus: null, memoryMb: null, diskGb: null, region: null, plan: null,
    createdAt: typeof row.created === 'string' ? row.created : null, extra: row, detailError,
  }
}

export class VirtfusionAdapter extends BaseAdapter {
  /** Rows per page when walking a list (the API allows 1–200). */
  protected pageSize = 200
  /** Parallel server reads when listing (plain record reads; live ones are bounded per sync). */
  protected concurrency = 10

  private readonly api = new VirtfusionApi(this.ctx.http)

  override async testConnection(): Promise<ConnectionResult> {
    const body = await this.api.get<Obj | unknown[]>('/connect')
    const b = (body && !Array.isArray(body) ? body : {}) as Obj
    const v = b.data?.version ?? b.version ?? b.data?.app?.version
    const version = typeof v === 'string' || typeof v === 'number' ? String(v) : undefined
    const params = { provider: 'VirtFusion', ...(version ? { version } : {}) }
    return { message: `VirtFusion connection successful. Version: ${version ?? 'unknown'}`, version, code: version ? 'connected_version' : 'connected', params }
  }

  // ---------- servers ----------

  /**
   * The list gives id, name, commissioned, suspended and `updated` only. A server is read in
   * full when its row changed since the last sync (or is new); the hypervisor is asked for live
   * state (`remoteState`) for at most LIVE_READS_PER_SYNC built servers, those changed recently
   * first, then the ones asked longest ago. The others keep their last record: 1,000 servers
   * cost the list pages and a few dozen reads per sync instead of a thousand live round trips.
   * A server on screen is read live through getServer.
   */
  override async listServers(): Promise<ServerRecord[]> {
    const rows = await this.api.all<Obj>('/servers', this.pageSize)
    const known = knownServers(this.accountKey)
    const listed: ListRow[] = rows.map(r => ({ id: String(r.id), updated: typeof r.updated === 'string' ? r.updated : null, signature: rowSignature(r), live: Number(r.commissioned) === 3 && !r.suspended }))
    const now = Date.now()
    const { read, live } = planReads(listed, known, now)
    const out = await mapLimit(listed, this.concurrency, async (row) => {
      if (!read.has(row.id)) return known.get(row.id)!.record
      try {
        const record = await this.readServer(row.id, live.has(row.id))
        const before = known.get(row.id)
        known.set(row.id, { row: row.signature, record, liveAt: live.has(row.id) ? now : before?.liveAt ?? 0 })
        return record
      }
      catch (err) {
        if (isProviderError(err) && err.code === 'not_found') return null // deleted meanwhile
        if (isProviderError(err) && err.code === 'provider_auth') throw err
        // One unreadable server: the rest of the list still comes, this one marked.
        const message = (err as Error).message
        const before = known.get(row.id)?.record
        return before ? { ...before, detailError: message } : rowOnlyRecord(rows.find(r => String(r.id) === row.id)!, message)
      }
    })
    const ids = new Set(listed.map(r => r.id))
    for (const id of known.keys()) if (!ids.has(id)) known.delete(id)
    const names = await this.names()
    return out.filter((s): s is ServerRecord => s !== null).map(r => (names ? withNames(r, names) : r))
  }

  /** One paged list, no per-server reads: the list rows carry id, name and hostname. */
  override async listServerMarks() {
    const rows = await this.api.all<Obj>('/servers', this.pageSize)
    return rows.map(r => ({ id: String(r.id), marks: [r.name, r.hostname].filter((m): m is string => typeof m === 'string' && !!m) }))
  }

  override async getServer(id: string): Promise<ServerRecord> {
    const record = await this.readServer(id, true)
    const known = knownServers(this.accountKey)
    const before = known.get(String(record.upstreamId))
    if (before) known.set(String(record.upstreamId), { ...before, record, liveAt: Date.now() })
    const names = await this.names()
    return names ? withNames(record, names) : record
  }

  /**
   * OS template and package names (cached): "Debian 12" rather than "OS template 8". Null when
   * the catalog cannot be read; the records then keep their ids, which is no reason to fail.
   */
  private async names(): Promise<NameCatalog | null> {
    return cachedCatalog(this.accountKey, async () => ({ plans: await this.listPlans(), templates: await this.listTemplates() })).catch(() => null)
  }

  /** Per account and panel: two accounts on one panel still have their own view. */
  private get accountKey() { return `${this.ctx.slug}|${String(this.ctx.settings.base_url ?? '')}` }

  private async readServer(id: string, remoteState: boolean): Promise<ServerRecord> {
    const sid = this.serverId(id)
    const body = await this.api.get<Obj>(`/servers/${sid}`, remoteState ? { remoteState: 'true' } : undefined)
    return toServerRecord(this.data(body, `server ${sid}`))
  }

  /** Never retried: a lost answer is settled by the exactly-once engine (its `name` carries our marker). */
  override async createServer(input: CreateServerInput): Promise<ServerRecord> {
    const body: Obj = {
      packageId: this.requireId(input.plan, 'plan (VirtFusion package ID)'),
      userId: this.userId(input.options),
      hypervisorId: this.hypervisorGroupId(input),
    }
    for (const k of CREATE_PASSTHROUGH) if (input.options?.[k] !== undefined) body[k] = input.options[k]
    // Our marker as the name until the build names it after the hostname: evidence for a lost answer.
    if (input.marker) body.name = input.marker
    const res = await this.api.request<Obj>({ method: 'POST', path: '/servers', json: body, idempotent: false })
    return toServerRecord(this.data(res, 'the new server'))
  }

  /** The package, and the customer's own user (or the plan's fixed one); the build comes later. */
  override createInputForPlan(m: Record<string, string>, order: PlanOrderInput): CreateServerInput {
    return { plan: m.packageId!, hostname: order.hostname, options: { userId: order.customerUserId ?? m.userId, hypervisorId: m.hypervisorId } }
  }

  /** Checks the template against the server's package, building nothing. */
  override async dryRunReinstall(id: string, input: { template: string }): Promise<ActionResult> {
    return this.installServer(id, { template: input.template, dryRun: true })
  }

  /** A plan's servers belong to one VirtFusion user per customer (keyed by customer number), or to a fixed one. */
  override async ensureCustomerUser(m: Record<string, string>, c: PortalCustomer): Promise<CustomerUser> {
    if (m.userPolicy === 'fixed') return { userId: m.userId!, created: false, message: `Servers belong to the fixed VirtFusion user ${m.userId}` }
    const id = await this.ensureUser({ extRelationId: c.customerNumber, name: c.name, email: c.email })
    return { userId: id, created: true, message: `VirtFusion user ${id} (external relation ${c.customerNumber})` }
  }

  override async installServer(id: string, input: InstallInput): Promise<ActionResult> {
    if (input.dryRun) return this.checkTemplate(id, input.template)
    await this.build(id, input)
    return { status: 'installing', ...resultMessage('build_queued', { provider: DISPLAY_NAME }) }
  }

  override async reinstall(id: string, input: InstallInput): Promise<ActionResult> {
    await this.build(id, input)
    return { status: 'reinstalling' }
  }

  /** POST /servers/{id}/build. VirtFusion takes no root password here: it makes its own. */
  private async build(id: string, input: InstallInput) {
    const json: Obj = { operatingSystemId: this.requireId(input.template, 'OS template ID') }
    if (input.hostname) {
      json.name = input.hostname
      json.hostname = input.hostname
    }
    if (input.sshKeyIds?.length) json.sshKeys = input.sshKeyIds.map(k => this.requireId(k, 'SSH key ID'))
    await this.api.request({ method: 'POST', path: `/servers/${this.serverId(id)}/build`, json })
  }

  private async checkTemplate(id: string, template: string): Promise<ActionResult> {
    const available = await this.listTemplates({ serverId: id })
    if (!available.some(t => t.id === String(template))) {
      throw invalid(`OS template ${template} is not available for VirtFusion server ${id}`)
    }
    return { status: 'validated', ...resultMessage('template_ok', { template }) }
  }

  override async power(id: string, action: PowerAction): Promise<ActionResult> {
    const path = POWER_PATH[action]
    if (!path) throw invalid(`Unknown power action "${action}"`)
    const res = await this.api.request<Obj>({ method: 'POST', path: `/servers/${this.serverId(id)}/power/${path}` })
    const queueId = res?.data?.queueId
    return { status: POWER_DONE[action], ...(queueId != null ? resultMessage('queued_task', { id: queueId }) : {}) }
  }

  override async suspend(id: string): Promise<ActionResult> {
    await this.api.request({ method: 'POST', path: `/servers/${this.serverId(id)}/suspend` })
    return { status: 'suspended' }
  }

  override async unsuspend(id: string): Promise<ActionResult> {
    await this.api.request({ method: 'POST', path: `/servers/${this.serverId(id)}/unsuspend` })
    return { status: 'unsuspended' }
  }

  override async resize(id: string, input: ResizeInput): Promise<ActionResult> {
    const pkg = this.requireId(input.plan, 'plan (VirtFusion package ID)')
    const res = await this.api.request<Obj>({
      method: 'PUT',
      path: `/servers/${this.serverId(id)}/package/${pkg}`,
      json: { cpu: true, memory: true, primaryDiskSize: input.resizeDisk !== false, primaryNetworkTraffic: true },
      // Applying the same package twice changes nothing more.
      idempotent: true,
    })
    const info = Array.isArray(res?.info) ? res.info.filter((s: unknown) => typeof s === 'string') : []
    return { status: 'resized', ...(info.length ? resultMessage('provider_said', { provider: DISPLAY_NAME, text: info.join('; ') }) : {}) }
  }

  override async destroy(id: string, input: DestroyInput): Promise<ActionResult> {
    const delay = input.delayMinutes ?? 0
    if (!Number.isInteger(delay) || delay < 0 || delay > MAX_DELETE_DELAY_MINUTES) {
      throw invalid(`The deletion delay must be a whole number of minutes from 0 to ${MAX_DELETE_DELAY_MINUTES}`)
    }
    await this.api.request({ method: 'DELETE', path: `/servers/${this.serverId(id)}`, query: { delay } })
    return delay > 0
      ? { status: 'deletion scheduled', ...resultMessage('deletion_scheduled', { provider: DISPLAY_NAME, count: delay }) }
      : { status: 'deleted' }
  }

  /** VirtFusion stores the password encrypted: the only way to learn it is to reset it. */
  override async getRootPassword(id: string): Promise<{ username: string, password: string }> {
    const res = await this.api.request<Obj>({ method: 'POST', path: `/servers/${this.serverId(id)}/resetPassword`, json: { user: 'root', sendMail: false } })
    const password = res?.data?.expectedPassword
    if (typeof password !== 'string' || !password) {
      throw providerError(DISPLAY_NAME, 'bad_response', 'VirtFusion reset the password but did not return it')
    }
    return { username: 'root', password }
  }

  // ---------- catalog ----------

  override async listDatacenters(): Promise<Datacenter[]> {
    const groups = await this.api.all<Obj>('/compute/hypervisors/groups', this.pageSize)
    return groups.filter(g => g.enabled !== false).map(toDatacenter)
  }

  override async listPlans(): Promise<PlanOffer[]> {
    return (await this.packages()).map(toPlan)
  }

  override async listTemplates(opts: { plan?: string, serverId?: string } = {}): Promise<OsTemplate[]> {
    if (opts.serverId) {
      return toTemplates(this.list(await this.api.get<Obj>(`/servers/${this.serverId(opts.serverId)}/templates`), 'templates'))
    }
    const plans = opts.plan ? [this.requireId(opts.plan, 'plan (VirtFusion package ID)')] : (await this.packages()).map(p => Number(p.id))
    const seen = new Map<string, OsTemplate>()
    for (const pkg of plans) {
      const groups = this.list(await this.api.get<Obj>(`/media/templates/fromServerPackageSpec/${pkg}`), 'templates')
      for (const t of toTemplates(groups)) if (!seen.has(t.id)) seen.set(t.id, t)
    }
    return [...seen.values()]
  }

  /** Enabled packages only: a disabled one cannot be used for a server. */
  private async packages(): Promise<Obj[]> {
    return this.list(await this.api.get<Obj>('/packages'), 'packages').filter(p => p.enabled !== false)
  }

  // ---------- ssh keys (they belong to the default VirtFusion user) ----------

  override async listSshKeys(): Promise<UpstreamSshKey[]> {
    const uid = this.userId(undefined)
    return this.list(await this.api.get<Obj>(`/ssh_keys/user/${uid}`), 'SSH keys').map(k => toSshKey(k))
  }

  override async addSshKey(input: { name: string, public_key: string }): Promise<UpstreamSshKey> {
    const res = await this.api.request<Obj>({
      method: 'POST',
      path: '/ssh_keys',
      json: { userId: this.userId(undefined), name: input.name, publicKey: input.public_key.trim() },
    })
    return toSshKey(this.data(res, 'the new SSH key'), input.public_key.trim())
  }

  override async deleteSshKey(id: string): Promise<void> {
    await this.api.request({ method: 'DELETE', path: `/ssh_keys/${this.requireId(id, 'SSH key ID')}` })
  }

  // ---------- users (customer portal) ----------

  /**
   * The VirtFusion user tied to our customer `extRelationId`, created when missing.
   * Returns its VirtFusion user id (for `options.userId`).
   */
  async ensureUser(input: { extRelationId: number | string, name: string, email: string }): Promise<string> {
    const ext = this.requireId(input.extRelationId, 'external relation ID')
    const found = await this.findUser(ext)
    if (found) return found
    try {
      const res = await this.api.request<Obj>({
        method: 'POST',
        path: '/users',
        json: { name: input.name, email: input.email, extRelationId: ext, sendMail: false },
      })
      return String(this.data(res, 'the new user').id)
    }
    catch (err) {
      // Someone else created it between our look-up and our create.
      if (isProviderError(err) && err.code === 'invalid_request') {
        const again = await this.findUser(ext)
        if (again) return again
      }
      throw err
    }
  }

  private async findUser(ext: number): Promise<string | null> {
    try {
      const res = await this.api.get<Obj>(`/users/${ext}/byExtRelation`)
      return String(this.data(res, 'the user').id)
    }
    catch (err) {
      if (isProviderError(err) && err.code === 'not_found') return null
      throw err
    }
  }

  // ---------- helpers ----------

  private data(body: Obj | undefined, what: string): Obj {
    const d = body?.data
    if (!d || typeof d !== 'object' || Array.isArray(d) || d.id === undefined) {
      throw providerError(DISPLAY_NAME, 'bad_response', `VirtFusion answered without ${what}`)
    }
    return d
  }

  private list(body: Obj | undefined, what: string): Obj[] {
    if (!Array.isArray(body?.data)) throw providerError(DISPLAY_NAME, 'bad_response', `VirtFusion answered without a list of ${what}`)
    return body.data
  }

  /** Server ids are integers: anything else cannot exist upstream. */
  // console

  /**
   * `vnc` (default): VNC is enabled (POST …/vnc) and its websocket, a path on the panel
   * (`/vnc/?token=…`), is made absolute. `link`: one-time sign-in tokens for the server's owner
   * (by external relation id) open the server's page in the panel.
   */
  override async openConsole(id: string, opts: { type?: ConsoleType } = {}): Promise<ConsoleSession> {
    const sid = this.serverId(id)
    if (opts.type === 'link') {
      const server = await this.api.get<Obj>(`/servers/${sid}`)
      const ext = server?.data?.owner?.extRelationId
      if (ext === null || ext === undefined || ext === '') throw invalid('VirtFusion signs in a user by external relation id, and this server\'s owner has none: open the console as VNC instead.')
      const res = await this.api.request<Obj>({ method: 'POST', path: `/users/${encodeURIComponent(String(ext))}/serverAuthenticationTokens/${sid}`, idempotent: false })
      const auth = res?.data?.authentication
      if (typeof auth?.endpoint_complete !== 'string') throw providerError(DISPLAY_NAME, 'bad_response', 'VirtFusion answered the sign-in token request without a link')
      return { type: 'link', url: this.panelUrl(auth.endpoint_complete, 'http'), expiresAt: typeof auth.expiry?.expires === 'string' ? new Date(auth.expiry.expires).toISOString() : null, password: null }
    }
    const res = await this.api.request<Obj>({ method: 'POST', path: `/servers/${sid}/vnc`, json: { action: 'enable' } })
    const vnc = res?.data?.vnc
    if (typeof vnc?.wss?.url !== 'string') throw providerError(DISPLAY_NAME, 'bad_response', 'VirtFusion answered the VNC request without a websocket address')
    // VirtFusion gives no expiry: its websocket tokens are short-lived, so say ten minutes.
    return { type: 'vnc', url: this.panelUrl(vnc.wss.url, 'ws'), expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(), password: typeof vnc.password === 'string' ? vnc.password : null }
  }

  /** A panel path (`/vnc/…`, `/token_authenticate/…`) on the panel's own address (the API base without `/api/v1`). */
  private panelUrl(path: string, scheme: 'http' | 'ws'): string {
    const base = new URL(this.ctx.http.options.baseUrl)
    const root = base.pathname.replace(/\/api\/v1\/?$/, '').replace(/\/+$/, '')
    const url = new URL(`${root}${path.startsWith('/') ? path : `/${path}`}`, base.origin)
    if (scheme === 'ws') url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:'
    return url.toString()
  }

  // firewall (per server and interface)

  override async getServerFirewall(id: string, iface: string): Promise<ServerFirewall> {
    const res = await this.api.get<Obj>(`/servers/${this.serverId(id)}/firewall/${this.iface(iface)}`)
    const data = res?.data ?? {}
    return { interface: iface, enabled: data.enabled === true, rules: Array.isArray(data.rules) ? data.rules : [], extra: data }
  }

  /** Rulesets replace all rules (an empty list flushes them); then the firewall is switched; `sync` applies at once. */
  override async setServerFirewall(id: string, input: ServerFirewallInput): Promise<ServerFirewall> {
    const sid = this.serverId(id)
    const iface = this.iface(input.interface)
    if (input.rulesets) await this.api.request({ method: 'POST', path: `/servers/${sid}/firewall/${iface}/rules`, query: { sync: 'true' }, json: { rulesets: input.rulesets } })
    if (input.enabled !== undefined) await this.api.request({ method: 'POST', path: `/servers/${sid}/firewall/${iface}/${input.enabled ? 'enable' : 'disable'}`, query: { sync: 'true' } })
    return this.getServerFirewall(id, iface)
  }

  private iface(name: string): string {
    if (name !== 'primary' && name !== 'secondary') throw invalid(`VirtFusion firewalls are per interface: "primary" or "secondary", not "${name}"`)
    return name
  }

  private serverId(id: string): number {
    const n = toId(id)
    if (n === null) throw providerError(DISPLAY_NAME, 'not_found', `VirtFusion: no server "${id}" (server IDs are numbers)`)
    return n
  }

  private requireId(v: unknown, what: string): number {
    const n = toId(v)
    if (n === null) throw invalid(`VirtFusion needs a numeric ${what}, got "${String(v ?? '')}"`)
    return n
  }

  private userId(options: Record<string, unknown> | undefined): number {
    const v = options?.userId ?? this.ctx.settings.user_id
    if (v === undefined || v === null || v === '') {
      throw invalid('VirtFusion needs a user ID: set the account\'s default user ID or pass options.userId')
    }
    if (typeof v === 'string' && v.includes('@')) throw invalid('VirtFusion needs the numeric user ID, not an email address')
    return this.requireId(v, 'user ID')
  }

  private hypervisorGroupId(input: CreateServerInput): number {
    const v = input.options?.hypervisorId ?? input.dataCenterId ?? this.ctx.settings.hypervisor_id
    if (v === undefined || v === null || v === '') {
      throw invalid('VirtFusion needs a hypervisor group: choose a data center or set the account\'s default hypervisor group ID')
    }
    return this.requireId(v, 'hypervisor group ID')
  }

  // ---------- day-2 operations (their own module) ----------

  private get ops() { return virtfusionOps(this.api, id => this.serverId(id)) }
  override getMetrics(id: string, range: { from: Date, to: Date }) { return this.ops.getMetrics(id, range) }
  override listBackups(id: string) { return this.ops.listBackups(id) }
  override updateHostSettings(id: string, input: HostSettingsInput) { return this.ops.updateHostSettings(id, input) }
  override addIpv4(id: string, input: IpAddInput) { return this.ops.addIpv4(id, input) }
  override removeIpv4(id: string, iface: NetworkInterface, addresses: string[]) { return this.ops.removeIpv4(id, iface, addresses) }
  override getBackupPlan(id: string) { return this.ops.getBackupPlan(id) }
  override setBackupPlan(id: string, planId: string | null) { return this.ops.setBackupPlan(id, planId) }
}
