/** VirtFusion (self-hosted panel, admin API): servers, SSH keys, per-customer users. */
import type { ProviderDefinition } from '../types'
import { VirtfusionAdapter } from './adapter'
import { httpOptions } from './client'
import { bandwidthGb } from './mappers'
import { meta } from './metadata'

export { VirtfusionAdapter } from './adapter'

export const virtfusion: ProviderDefinition = {
  meta,
  httpOptions,
  createAdapter: ctx => new VirtfusionAdapter(meta, ctx),
  bandwidthGb,
}
