/** Hostinger (developers.hostinger.com): VPS, SSH keys and billing. */
import type { ProviderDefinition } from '../registry'
import { HostingerAdapter } from './adapter'
import { hostingerHttpOptions } from './client'
import { meta } from './metadata'

export { HostingerAdapter } from './adapter'

export const hostinger: ProviderDefinition = {
  meta,
  httpOptions: hostingerHttpOptions,
  createAdapter: ctx => new HostingerAdapter(meta, ctx),
}
