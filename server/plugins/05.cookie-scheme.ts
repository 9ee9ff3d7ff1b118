/**
 * The session cookie's `Secure` follows the request's scheme (see lib/cookie-scheme.ts): h3 marks
 * every session cookie `Secure`, which a browser on plain http://<lan-address> silently drops.
 */
import { requestIsHttps, withoutSecure } from '../lib/cookie-scheme'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event) => {
    const res = event.node.res
    if (res.headersSent || requestIsHttps(event.node.req)) return
    const current = res.getHeader('set-cookie')
    if (current === undefined) return
    res.setHeader('set-cookie', withoutSecure(Array.isArray(current) ? current : [String(current)]))
  })
})
