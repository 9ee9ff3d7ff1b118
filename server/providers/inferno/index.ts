/**
 * Inferno (cp.inferno.name): one action-based endpoint, WHMCS-flavoured billing.
 * `CreateServerInput`: only `plan` is sent; `dataCenterId`, `password`, `hostname` and `marker`
 * have no Inferno counterpart (a lost create is settled by the order list before/after).
 */
import type { ProviderDefinition } from '../types'
import { InfernoAdapter } from './adapter'
import { infernoHttpOptions } from './client'
import { meta } from './metadata'

export { InfernoAdapter } from './adapter'

export const inferno: ProviderDefinition = {
  meta,
  httpOptions: infernoHttpOptions,
  createAdapter: ctx => new InfernoAdapter(meta, ctx),
}
