/**
 * Inferno (cp.inferno.name): one action-based endpoint, WHMCS-flavoured billing.
 * `CreateServerInput.options`: only `afterOrderId` (read by findCreatedServer, see there);
 * `dataCenterId`, `password` and `hostname` have no Inferno counterpart.
 */
import type { ProviderDefinition } from '../registry'
import { InfernoAdapter } from './adapter'
import { infernoHttpOptions } from './client'
import { meta } from './metadata'

export { InfernoAdapter } from './adapter'

export const inferno: ProviderDefinition = {
  meta,
  httpOptions: infernoHttpOptions,
  createAdapter: ctx => new InfernoAdapter(meta, ctx),
}
