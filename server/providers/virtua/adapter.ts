/**
 * Virtua.cloud adapter (cloud servers billed hourly from a prepaid balance).
 *
 * createServer `options` (provider-only):
 *   - `project`: project UUID (else the `project_uuid` setting, else the account's first project)
 *   - `ipv6`: boolean, default true
 *   - `ipv6_block_size`: 128 (one address, default) or 64 (a block)
 * The plan (offer uuid, e.g. `vcs-2-intel.par01fr`) fixes the cloud zone, so `dataCenterId`
 * is only checked against it.
 */
import { resultMessage } from '#shared/providers/action-results'
import { BaseAdapter } from '../base'
import { NotSupportedError, providerError } from '../errors'
import type { HttpRequest } from '../http'
import type {
  ActionResult, Balance, CatalogItem, ConnectionResult, CreateServerInput, Datacenter, DestroyInput, InstallInput,
  OsTemplate, PaymentMethod, PlanOffer, PlanOrderInput, PowerAction, ResizeInput, ServerRecord, Subscription, UsageLimit,
} from '../types'
import { call } from './client'
import { flag, mapBalance, mapCatalogItem, mapDatacenters, mapLimits, mapPlan, mapServer, mapTemplate, num, offerZoneId } from './mappers'
import { DISPLAY_NAME } from './metadata'

type Raw = Record<string, any>
interface ActionBody { success?: boolean, uuid?: string, messages?: { content?: string }[] }

const POWER_WORDS: Record<Exclude<PowerAction, 'poweroff'>, string> = { start: 'started', stop: 'stopped', restart: 'restarted' }

/** Virtua's own notice about an action, as its words (`provider_said`), or nothing. */
function noticeOf(body: ActionBody | undefined): Pick<ActionResult, 'message' | 'code' | 'params'> {
  const text = body?.messages?.map(m => m?.content).filter(Boolean).join(' ')
  return text ? resultMessage('provider_said', { provider: DISPLAY_NAME, text }) : {}
}

export class VirtuaAdapter extends BaseAdapter {
  private send<T>(req: HttpRequest) { return call<T>(this.http, req) }
  private serverPath(id: string, action?: string) {
    return `/cloud-server/${encodeURIComponent(id)}${action ? `/${action}` : ''}`
  }

  override async testConnection(): Promise<ConnectionResult> {
    const b = mapBalance(await this.send<Raw>({ path: '/account' }))
    const balance = `${b.amount.toFixed(2)} ${b.currency}`
    return { message: `${DISPLAY_NAME} connection successful. Balance: ${balance}`, code: 'connected_balance', params: { provider: DISPLAY_NAME, balance } }
  }

  // ---------- servers ----------

  override async listServers(): Promise<ServerRecord[]> {
    const body = await this.send<{ cloud_servers?: Raw[] }>({ path: '/cloud-server' })
    if (!Array.isArray(body?.cloud_servers)) throw providerError(DISPLAY_NAME, 'bad_response', `${DISPLAY_NAME} sent no cloud_servers list`)
    return body.cloud_servers.map(mapServer)
  }

  override async getServer(id: string): Promise<ServerRecord> {
    const body = await this.send<Raw>({ path: this.serverPath(id) })
    if (!body?.uuid) throw providerError(DISPLAY_NAME, 'bad_response', `${DISPLAY_NAME} sent a server record without a uuid`)
    return mapServer(body)
  }

  /** The offer fixes the zone; a plan may name its own project. */
  override createInputForPlan(m: Record<string, string>, order: PlanOrderInput): CreateServerInput {
    return { plan: m.offer!, template: order.template, hostname: order.hostname, options: m.project ? { project: m.project } : {} }
  }

  override async createServer(input: CreateServerInput): Promise<ServerRecord> {
    if (!input.template) throw providerError(DISPLAY_NAME, 'invalid_request', `${DISPLAY_NAME} needs a system (template) to order a server`)
    const zone = offerZoneId({ uuid: input.plan })
    if (input.dataCenterId && zone && zone !== input.dataCenterId) {
      throw providerError(DISPLAY_NAME, 'invalid_request', `${DISPLAY_NAME} offer ${input.plan} is in zone ${zone}, not ${input.dataCenterId}`)
    }
    const o = input.options ?? {}
    const project = await this.resolveProject(o.project)
    const ipv6 = o.ipv6 === undefined ? true : flag(o.ipv6)
    const blockSize = o.ipv6_block_size === undefined ? undefined : num(o.ipv6_block_size)
    const body = await this.send<ActionBody>({
      method: 'POST',
      path: '/cloud/order',
      // Buys a server: never repeated by the client (POST default, stated for the reader).
      idempotent: false,
      form: {
        offer: input.plan,
        system: input.template,
        project,
        // The reference's parameter table says `ipv6_enabled` (Required), its example
        // `ipv6_enable`: both are sent, so either reading of the document is satisfied.
        ipv6_enabled: ipv6 ? 1 : 0,
        ipv6_enable: ipv6 ? 1 : 0,
        ipv6_block_size: ipv6 ? blockSize ?? 128 : undefined,
        hostname: input.hostname || undefined,
      },
    })
    const uuid = body?.uuid
    if (!uuid) throw providerError(DISPLAY_NAME, 'bad_response', `${DISPLAY_NAME} accepted the order but sent no server uuid; look for a server named ${input.hostname}`)
    try {
      return await this.getServer(uuid)
    }
    catch {
      // The order went through; a failed follow-up read must not look like a failed purchase.
      return {
        upstreamId: uuid, name: input.hostname, hostname: input.hostname, status: 'pending', rawStatus: 'ordered',
        ipv4: [], ipv6: [], os: input.template, vcpus: null, memoryMb: null, diskGb: null,
        region: zone, plan: input.plan, createdAt: null, extra: body,
      }
    }
  }

  private async resolveProject(option: unknown): Promise<string> {
    const explicit = (typeof option === 'string' && option) || String(this.ctx.settings.project_uuid ?? '')
    if (explicit) return explicit
    const body = await this.send<{ projects?: Raw[] }>({ path: '/project' })
    const first = body?.projects?.find(p => p?.uuid)
    if (!first) throw providerError(DISPLAY_NAME, 'invalid_request', `${DISPLAY_NAME} account has no project to order into; create one in the Manager or set project_uuid`)
    return String(first.uuid)
  }

  override async power(id: string, action: PowerAction): Promise<ActionResult> {
    if (action === 'poweroff') throw new NotSupportedError(DISPLAY_NAME, 'power action "poweroff"', this.meta.capabilities.power.note)
    const body = await this.send<ActionBody>({ method: 'POST', path: this.serverPath(id, action) })
    return { status: POWER_WORDS[action], ...noticeOf(body) }
  }

  override async resize(id: string, input: ResizeInput): Promise<ActionResult> {
    const body = await this.send<ActionBody>({
      method: 'POST',
      path: this.serverPath(id, 'resize'),
      form: { offer: input.plan, resize_disk: input.resizeDisk ? 1 : 0 },
    })
    return { status: 'resized', ...noticeOf(body) }
  }

  override async reinstall(id: string, input: InstallInput): Promise<ActionResult> {
    if (!input.template) throw providerError(DISPLAY_NAME, 'invalid_request', `${DISPLAY_NAME} needs a system (template) to rebuild a server`)
    const body = await this.send<ActionBody>({ method: 'POST', path: this.serverPath(id, 'rebuild'), form: { system: input.template } })
    return { status: 'reinstalling', ...noticeOf(body) }
  }

  override async destroy(id: string, input: DestroyInput): Promise<ActionResult> {
    if (input?.delayMinutes) throw new NotSupportedError(DISPLAY_NAME, 'scheduled deletion', this.meta.capabilities.destroy.note)
    const body = await this.send<ActionBody>({ method: 'DELETE', path: this.serverPath(id) })
    return { status: 'deleted', ...noticeOf(body) }
  }

  override async getRootPassword(id: string): Promise<{ username: string, password: string }> {
    // Reads a stored password, changes nothing: safe to repeat.
    const body = await this.send<Raw>({ method: 'POST', path: this.serverPath(id, 'password'), form: { password: 'root' }, idempotent: true })
    if (typeof body?.password !== 'string' || !body.password) throw providerError(DISPLAY_NAME, 'bad_response', `${DISPLAY_NAME} sent no password`)
    return { username: typeof body.username === 'string' && body.username ? body.username : 'root', password: body.password }
  }

  // ---------- catalog ----------

  private async offers(): Promise<Raw[]> {
    return (await this.send<{ offers?: Raw[] }>({ path: '/cloud/offers' }))?.offers ?? []
  }

  override async listDatacenters(): Promise<Datacenter[]> {
    return mapDatacenters(await this.offers())
  }

  override async listPlans(): Promise<PlanOffer[]> {
    return (await this.offers()).map(mapPlan)
  }

  /** With a plan or server, Windows systems are left out unless its offer includes Windows. */
  override async listTemplates(opts: { plan?: string, serverId?: string } = {}): Promise<OsTemplate[]> {
    const systems = (await this.send<{ systems?: Raw[] }>({ path: '/cloud/systems' }))?.systems ?? []
    let windowsAllowed: boolean | undefined
    if (opts.plan) {
      const offer = (await this.offers()).find(o => o.uuid === opts.plan)
      if (offer) windowsAllowed = flag(offer.is_windows_included)
    }
    else if (opts.serverId) {
      const server = await this.getServer(opts.serverId)
      windowsAllowed = String((server.extra as Raw)?.offer?.category ?? '').includes('win')
    }
    return systems.filter(s => windowsAllowed !== false || !flag(s.is_windows)).map(mapTemplate)
  }

  // ---------- billing ----------

  override async getBalance(): Promise<Balance[]> {
    return [mapBalance(await this.send<Raw>({ path: '/account' }))]
  }

  override async getLimits(): Promise<UsageLimit[]> {
    return mapLimits(await this.send<Raw>({ path: '/cloud/limits' }))
  }

  /** The offers, as the purchasable catalog (monthly price; billing is actually hourly). */
  override async listCatalog(): Promise<CatalogItem[]> {
    return (await this.offers()).map(mapCatalogItem)
  }

  override async listSubscriptions(): Promise<Subscription[]> {
    throw new NotSupportedError(DISPLAY_NAME, 'subscriptions', 'servers are billed hourly from the prepaid balance')
  }

  override async listPaymentMethods(): Promise<PaymentMethod[]> {
    throw new NotSupportedError(DISPLAY_NAME, 'payment methods', 'the account is prepaid; top-ups happen in the Manager')
  }
}
