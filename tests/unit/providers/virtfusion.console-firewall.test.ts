/**
 * VirtFusion adapter: console (VNC websocket against a real VNC server, sign-in link) and the
 * per-server interface firewall, over real HTTP to the simulator, with every refusal.
 */
import { describe, expect, it } from 'vitest'
import { adapter, reqs, sb, state } from './virtfusion-harness'

/** The first bytes a websocket brings back: a VNC server opens with its protocol version. */
async function firstFrame(url: string): Promise<string> {
  const ws = new WebSocket(url, ['binary'])
  ws.binaryType = 'arraybuffer'
  try {
    return await new Promise<string>((resolve, reject) => {
      ws.onmessage = e => resolve(Buffer.from(e.data as ArrayBuffer).toString('latin1'))
      ws.onerror = () => reject(new Error('websocket failed'))
      ws.onclose = e => reject(new Error(`websocket closed (${e.code})`))
    })
  }
  finally { ws.close() }
}

describe('VirtFusion console', () => {
  it('enables VNC and answers the panel\'s websocket, absolute, with the VNC password', async () => {
    const s = await adapter().openConsole('101')
    expect(reqs().map(r => `${r.method} ${r.path}`)).toEqual(['POST /servers/101/vnc'])
    expect(reqs()[0]!.body).toEqual({ action: 'enable' })
    expect(s.type).toBe('vnc')
    expect(s.url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${sb.port}/virtfusion/vnc/\\?token=[0-9a-f-]{36}$`))
    expect(s.password).toMatch(/^\S{8}$/)
    expect(Date.parse(s.expiresAt!)).toBeGreaterThan(Date.now())
    expect(state().vncEnabled.has(101)).toBe(true)
  })

  it('the websocket reaches a real VNC server (RFB handshake through websockify)', async () => {
    const s = await adapter().openConsole('101')
    expect(await firstFrame(s.url)).toMatch(/^RFB 003\.00\d\n/)
  }, 30_000)

  it('refuses a websocket with an unknown token, or once VNC is disabled', async () => {
    const s = await adapter().openConsole('101')
    const bad = s.url.replace(/token=.*/, 'token=00000000-0000-0000-0000-000000000000')
    await expect(firstFrame(bad)).rejects.toThrow()
    await sb.offContract(() => fetch(`${sb.url}/virtfusion/api/v1/servers/101/vnc`, { method: 'POST', headers: { 'authorization': `Bearer ${reqs()[0]!.headers.authorization!.toString().slice(7)}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'disable' }) }))
    await expect(firstFrame(s.url)).rejects.toThrow()
  })

  it('gives the owner a one-time sign-in link to the server page (by external relation id)', async () => {
    state().findServer(101)!.ownerId = 2
    const s = await adapter().openConsole('101', { type: 'link' })
    expect(reqs().map(r => `${r.method} ${r.path}`)).toEqual(['GET /servers/101', 'POST /users/42/serverAuthenticationTokens/101'])
    expect(s).toMatchObject({ type: 'link', password: null })
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${sb.port}/virtfusion/token_authenticate/\\?1=[\\w-]+&2=[\\w-]+$`))
    expect(Date.parse(s.expiresAt!) - Date.now()).toBeLessThanOrEqual(60_000)
  })

  it('refuses a link when the owner has no external relation id, and unknown or unbuilt servers', async () => {
    await expect(adapter().openConsole('101', { type: 'link' })).rejects.toMatchObject({ code: 'invalid_request', statusCode: 400 })
    await expect(adapter().openConsole('999')).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
    await expect(adapter().openConsole('abc')).rejects.toMatchObject({ code: 'not_found' })
    state().findServer(101)!.complete = false
    state().findServer(101)!.built = null
    await expect(adapter().openConsole('101')).rejects.toMatchObject({ statusCode: 409 })
  })

  it('a suspended server cannot open its console (423 → conflict)', async () => {
    await expect(adapter().openConsole('103')).rejects.toMatchObject({ code: 'conflict', upstreamStatus: 423 })
  })
})

describe('VirtFusion server firewall', () => {
  it('reads, applies rulesets (sync), enables and disables per interface', async () => {
    const a = adapter()
    expect(await a.getServerFirewall('101', 'primary')).toMatchObject({ interface: 'primary', enabled: false, rules: [] })
    const on = await a.setServerFirewall('101', { interface: 'primary', rulesets: [1, 2], enabled: true })
    expect(on.enabled).toBe(true)
    expect(on.rules).toHaveLength(3)
    expect(reqs().filter(r => r.method === 'POST').map(r => `${r.path}?${new URLSearchParams(r.query)}`)).toEqual([
      '/servers/101/firewall/primary/rules?sync=true', '/servers/101/firewall/primary/enable?sync=true',
    ])
    expect(reqs().find(r => r.path.endsWith('/rules'))!.body).toEqual({ rulesets: [1, 2] })
    expect(await a.getServerFirewall('101', 'secondary')).toMatchObject({ enabled: false })
    const off = await a.setServerFirewall('101', { interface: 'primary', enabled: false, rulesets: [] })
    expect(off).toMatchObject({ enabled: false, rules: [] })
  })

  it('refuses an unknown ruleset (422 → 400), an unknown interface, an unknown server', async () => {
    const a = adapter()
    await expect(a.setServerFirewall('101', { interface: 'primary', rulesets: [99] })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('Invalid or disabled firewall ruleset') })
    await expect(a.getServerFirewall('101', 'eth9')).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(a.getServerFirewall('999', 'primary')).rejects.toMatchObject({ code: 'not_found' })
  })
})
