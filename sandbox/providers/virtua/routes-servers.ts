/** Cloud servers: list/read, order, power, resize, rebuild, password, destroy. */
import type { Router, SimRequest, SimResponse } from '../../core/router'
import { fail, fields, notice, ok, pick, truthy } from './responses'
import type { SimServer, VirtuaState } from './state'

const HOSTNAME_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i

export function serverRoutes(router: Router, state: VirtuaState) {
  const notFound = () => fail(404, 'cloud_server_not_found', 'Cloud server not found.')

  /** Runs `fn` on an existing server that is free to act, or answers the provider's refusal. */
  function withServer(req: SimRequest, fn: (s: SimServer) => SimResponse): SimResponse {
    const s = state.get(req.params.uuid!)
    if (!s) return notFound()
    return fn(s)
  }

  function busy(s: SimServer): SimResponse | null {
    if (s.pending) return fail(400, 'server_processing', 'An action is already in progress on this server, please wait.')
    if (s.is_suspended === '1') return fail(400, 'server_suspended', `This server is suspended${s.suspension_reason ? ` (${s.suspension_reason})` : ''}.`)
    return null
  }

  router.get('/cloud-server', () => ok({ cloud_servers: state.list().map(s => state.view(s)) }))

  router.get('/cloud-server/:uuid', req => withServer(req, s => ok(state.view(s))))

  router.post('/cloud/order', (req) => {
    const f = fields(req)
    const offerId = pick(f, 'offer', 'OFFER_UUID')
    const systemId = pick(f, 'system', 'SYSTEM_UUID')
    const projectId = pick(f, 'project', 'PROJECT_UUID')
    if (!offerId || !systemId || !projectId) {
      const missing = [!offerId && 'offer', !systemId && 'system', !projectId && 'project'].filter(Boolean).join(', ')
      return fail(400, 'missing_parameter', `Missing parameter: ${missing}.`)
    }
    const offer = state.findOffer(offerId)
    if (!offer) return fail(400, 'invalid_offer', `Unknown offer "${offerId}".`)
    const system = state.findSystem(systemId)
    if (!system) return fail(400, 'invalid_system', `Unknown system "${systemId}".`)
    if (system.is_windows === '1' && offer.is_windows_included !== '1') {
      return fail(400, 'system_not_allowed', `${system.name} needs an offer with Windows included.`)
    }
    if (!state.findProject(projectId)) return fail(400, 'invalid_project', `Unknown project "${projectId}".`)
    const hostname = pick(f, 'hostname') ?? null
    if (hostname !== null && !HOSTNAME_RE.test(hostname)) return fail(400, 'invalid_hostname', `"${hostname}" is not a valid hostname.`)
    // The reference's parameter table names `ipv6_enabled` (Required), its example `ipv6_enable`:
    // either spelling is read, and a request with neither is refused as the table says.
    const ipv6Word = pick(f, 'ipv6_enabled', 'ipv6_enable')
    if (ipv6Word === undefined) return fail(400, 'missing_parameter', 'Missing parameter: ipv6_enabled.')
    const ipv6 = truthy(ipv6Word)
    const blockSize = pick(f, 'ipv6_block_size')
    if (blockSize !== undefined && blockSize !== '64' && blockSize !== '128') {
      return fail(400, 'invalid_parameter', 'ipv6_block_size must be 128 (one address) or 64 (a block).')
    }
    // Answered with HTTP 200 and success:false on purpose: the API is documented by examples only,
    // so clients must read `success` and not trust the status code alone.
    if (state.list().length >= Number(state.limits.cloud_servers)) {
      return ok({ success: false, error: 'cloud_servers_limit_reached', messages: [{ content: `Cloud servers limit reached (${state.limits.cloud_servers}).`, type: 'error' }] })
    }
    const s = state.createServer({ offer, system, project: projectId, hostname, ipv6 })
    return ok({ uuid: s.uuid })
  })

  const power: Record<string, { needs: 'running' | 'stopped', then: 'running' | 'stopped', refusal: [string, string], done: string }> = {
    start: { needs: 'stopped', then: 'running', refusal: ['server_already_running', 'This server is already running.'], done: 'Start in progress...' },
    stop: { needs: 'running', then: 'stopped', refusal: ['server_already_stopped', 'This server is already stopped.'], done: 'Stop in progress...' },
    restart: { needs: 'running', then: 'running', refusal: ['server_not_running', 'This server is not running.'], done: 'Restart in progress...' },
  }
  for (const [action, rule] of Object.entries(power)) {
    router.post(`/cloud-server/:uuid/${action}`, req => withServer(req, (s) => {
      const refused = busy(s)
      if (refused) return refused
      if (s.status !== rule.needs) return fail(400, rule.refusal[0], rule.refusal[1])
      state.begin(s, action as 'start' | 'stop' | 'restart', rule.then)
      return notice(s.uuid, rule.done)
    }))
  }

  router.post('/cloud-server/:uuid/resize', req => withServer(req, (s) => {
    const refused = busy(s)
    if (refused) return refused
    const f = fields(req)
    const offerId = pick(f, 'offer', 'NEW_OFFER_UUID')
    if (!offerId) return fail(400, 'missing_parameter', 'Missing parameter: offer.')
    const offer = state.findOffer(offerId)
    if (!offer) return fail(400, 'invalid_offer', `Unknown offer "${offerId}".`)
    if (state.zoneOf(offer) !== s.zone) return fail(400, 'invalid_offer', `Offer "${offerId}" is not available in this server's cloud zone.`)
    if (offer.uuid === s.offer.uuid) return fail(400, 'invalid_offer', 'This server already uses that offer.')
    const resizeDisk = truthy(pick(f, 'resize_disk'))
    if (resizeDisk && Number(offer.root_space) < Number(s.root_space)) {
      return fail(400, 'invalid_offer', 'The disk cannot be shrunk; resize with resize_disk=0.')
    }
    s.offer = { uuid: offer.uuid, category: offer.category, name: offer.name, price_month: offer.price_month, price_hour: offer.price_hour }
    s.vcpus = offer.vcpus
    s.memory_size = offer.memory_size
    if (resizeDisk) s.root_space = offer.root_space
    state.begin(s, 'resize', s.status)
    return notice(s.uuid, 'Update in progress...')
  }))

  router.post('/cloud-server/:uuid/rebuild', req => withServer(req, (s) => {
    const refused = busy(s)
    if (refused) return refused
    const f = fields(req)
    const systemId = pick(f, 'system')
    if (!systemId) {
      return pick(f, 'iso_image')
        ? fail(400, 'invalid_iso_image', 'Unknown ISO image.')
        : fail(400, 'missing_parameter', 'Missing parameter: system or iso_image.')
    }
    const system = state.findSystem(systemId)
    if (!system) return fail(400, 'invalid_system', `Unknown system "${systemId}".`)
    if (system.is_windows === '1' && s.offer.category !== 'vcs-win') {
      return fail(400, 'system_not_allowed', `${system.name} needs an offer with Windows included.`)
    }
    state.rebuild(s, system)
    return notice(s.uuid, 'Reinstall in progress...')
  }))

  router.post('/cloud-server/:uuid/password', req => withServer(req, (s) => {
    const kind = pick(fields(req), 'password', 'type') ?? 'root'
    if (!['root', 'manager', 'rescue'].includes(kind)) return fail(400, 'invalid_parameter', 'password must be root, manager or rescue.')
    if (!s.is_setup_at || s.pending?.kind === 'rebuild') return fail(400, 'server_not_ready', 'The server is still being installed.')
    const windows = s.system.uuid.startsWith('win')
    const username = kind === 'root' ? (windows ? 'Administrator' : 'root') : kind
    const password = kind === 'root' ? s.root_password : `${kind}-${s.uuid.slice(0, 8)}`
    return ok({ uuid: s.uuid, username, password })
  }))

  router.delete('/cloud-server/:uuid', req => withServer(req, (s) => {
    if (s.pending) return fail(400, 'server_processing', 'An action is already in progress on this server, please wait.')
    state.servers.delete(s.uuid)
    return notice(s.uuid, 'Server destroyed.')
  }))
}
