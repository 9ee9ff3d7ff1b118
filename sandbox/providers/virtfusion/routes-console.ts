/**
 * Console routes: `GET|POST /servers/{id}/vnc` (VNC details; enable or disable) and
 * `POST /users/{extRelationId}/serverAuthenticationTokens/{serverId}` (a sign-in link to the
 * server's page in the panel). The spec's VNC answer names a websocket at `/vnc/?token=…` on the
 * panel; here that path (below the panel root, `/virtfusion`) is proxied to a real VNC server
 * (sandbox/vnc/display.ts) while the token is valid.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Router } from '../../core/router'
import type { VncDisplays } from '../../vnc/display'
import { errors, isResponse, notFound, pathId } from './respond'
import { isServer, loadServer } from './routes-servers'
import type { SimServer, VirtfusionState } from './state'

/** How long a websocket token stays usable (VirtFusion's are short-lived too). */
export const VNC_TOKEN_TTL_MS = 10 * 60_000
const LOGIN_TTL_S = 60

function vncView(st: VirtfusionState, s: SimServer, password: string) {
  const hv = st.hypervisors.find(h => h.id === s.hypervisorId)
  const token = randomUUID()
  st.vncTokens.set(token, { serverId: s.id, expiresAt: st.now() + VNC_TOKEN_TTL_MS })
  return {
    ip: hv?.ip ?? null,
    hostname: null,
    port: 5900 + (s.id % 100),
    password,
    wss: { token, url: `/vnc/?token=${token}` },
    enabled: st.vncEnabled.has(s.id),
  }
}

export function registerConsoleRoutes(router: Router, st: VirtfusionState, vncPassword: string) {
  router.get('/servers/:serverId/vnc', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    if (st.buildState(s) !== 'complete') return errors(409, 'The server has not been built.')
    return { json: { data: { vnc: vncView(st, s, vncPassword) } } }
  })

  router.post('/servers/:serverId/vnc', (req) => {
    const s = loadServer(st, req)
    if (!isServer(s)) return s
    const action = req.body?.action
    if (action === undefined) return errors(422, 'The action field is required.')
    if (action !== 'enable' && action !== 'disable') return errors(422, 'The selected action is invalid.')
    if (st.buildState(s) !== 'complete') return errors(409, 'The server has not been built.')
    if (s.suspended) return errors(423, 'The server is suspended.')
    if (action === 'enable') st.vncEnabled.add(s.id)
    else {
      st.vncEnabled.delete(s.id)
      for (const [t, v] of st.vncTokens) if (v.serverId === s.id) st.vncTokens.delete(t)
    }
    return { json: { data: { vnc: vncView(st, s, vncPassword), queueId: null } } }
  })

  router.post('/users/:extRelationId/serverAuthenticationTokens/:serverId', (req) => {
    const serverId = pathId(req, 'serverId')
    if (isResponse(serverId)) return serverId
    const ext = req.params.extRelationId ?? ''
    const user = st.users.find(u => u.extRelationId !== null && String(u.extRelationId) === ext)
    if (!user) return notFound('user')
    const s = st.findServer(serverId)
    if (!s || s.ownerId !== user.id) return notFound('server')
    const t1 = randomBytes(50).toString('base64url').slice(0, 100)
    const t2 = randomBytes(50).toString('base64url').slice(0, 100)
    const expiresAt = st.now() + LOGIN_TTL_S * 1000
    st.loginTokens.set(`1=${t1}&2=${t2}`, { userId: user.id, serverId: s.id, expiresAt })
    return {
      json: {
        data: {
          authentication: {
            tokens: { 1: t1, 2: t2 },
            endpoint: '/token_authenticate',
            endpoint_complete: `/token_authenticate/?1=${t1}&2=${t2}`,
            expiry: { ttl: LOGIN_TTL_S, expires: new Date(expiresAt).toISOString().replace('Z', '000Z') },
          },
        },
      },
    }
  })
}

/**
 * The panel's websocket proxy: `<panel>/vnc/?token=…` with a live token for an enabled server is
 * piped to websockify in front of the display; anything else is refused with 403.
 */
export function vncUpgrade(st: VirtfusionState, displays: VncDisplays, vncPassword: string, panelRoot: string) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean => {
    if (url.pathname !== `${panelRoot}/vnc/` && url.pathname !== `${panelRoot}/vnc`) return false
    const token = url.searchParams.get('token') ?? ''
    const grant = st.vncTokens.get(token)
    if (!grant || grant.expiresAt < st.now() || !st.vncEnabled.has(grant.serverId)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return true
    }
    const server = st.findServer(grant.serverId)
    displays.ensure(vncPassword, `VirtFusion sandbox console: ${server?.name ?? grant.serverId}`).then((d) => {
      const upstream = connect(d.wsPort, '127.0.0.1', () => {
        // The browser's own upgrade request, as it came (websockify ignores the path).
        const lines = [`GET / HTTP/1.1`]
        for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`)
        upstream.write(lines.join('\r\n') + '\r\n\r\n')
        if (head.length) upstream.write(head)
        upstream.pipe(socket)
        socket.pipe(upstream)
      })
      const drop = () => { upstream.destroy(); socket.destroy() }
      upstream.on('error', drop)
      socket.on('error', drop)
      socket.on('close', () => upstream.destroy())
      upstream.on('close', () => socket.destroy())
    }).catch(() => {
      socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    })
    return true
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)
const html = (status: number, title: string, body: string) => ({
  status,
  contentType: 'text/html; charset=utf-8',
  text: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`,
})

/**
 * The panel's sign-in page a `serverAuthenticationTokens` link opens
 * (`<panel>/token_authenticate/?1=…&2=…`): a live token signs its user in once and shows the
 * server's page; a used, expired or made-up one is refused.
 */
export function tokenPage(st: VirtfusionState, panelRoot: string) {
  return (method: string, url: URL) => {
    if (method !== 'GET' || (url.pathname !== `${panelRoot}/token_authenticate/` && url.pathname !== `${panelRoot}/token_authenticate`)) return null
    const key = `1=${url.searchParams.get('1') ?? ''}&2=${url.searchParams.get('2') ?? ''}`
    const grant = st.loginTokens.get(key)
    st.loginTokens.delete(key)
    if (!grant || grant.expiresAt < st.now()) return html(403, 'Sign-in link expired', '<h1>This sign-in link is invalid or has expired</h1>')
    const user = st.users.find(u => u.id === grant.userId)
    const server = st.findServer(grant.serverId)
    return html(200, `Server ${server?.name ?? grant.serverId}`, `<h1 data-testid="panel-server">Server ${escapeHtml(server?.name || String(grant.serverId))}</h1>`
      + `<p data-testid="panel-user">Signed in as ${escapeHtml(user?.name ?? '?')}</p><p>Console, power and settings of this server.</p>`)
  }
}
