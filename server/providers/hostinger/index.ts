/** Hostinger (developers.hostinger.com): VPS, SSH keys and billing. */
import type { ProviderDefinition } from '../types'
import { HostingerAdapter } from './adapter'
import { hostingerHttpOptions } from './client'
import { bandwidthGb } from './mappers'
import { meta } from './metadata'

export { HostingerAdapter } from './adapter'

export const hostinger: ProviderDefinition = {
  meta,
  httpOptions: hostingerHttpOptions,
  createAdapter: ctx => new HostingerAdapter(meta, ctx),
  bandwidthGb,
}
