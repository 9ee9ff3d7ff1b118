/** Virtua.cloud: cloud servers billed hourly from a prepaid balance. */
import type { ProviderDefinition } from '../types'
import { VirtuaAdapter } from './adapter'
import { httpOptions } from './client'
import { meta } from './metadata'

export { VirtuaAdapter } from './adapter'

export const virtua: ProviderDefinition = {
  meta,
  httpOptions,
  createAdapter: ctx => new VirtuaAdapter(meta, ctx),
}
