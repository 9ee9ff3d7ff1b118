/** Which kind handler settles which intent kind (for the job and the admin review). */
import { domainPurchaseKind } from '../domains/purchase'
import { orderCreateKind, serverCreateKind } from '../servers/create'
import { ipAddKind } from '../servers/ip-add'
import type { KindHandler } from './kind'
import type { Intent } from './store'

const HANDLERS: Partial<Record<Intent['kind'], KindHandler>> = {
  'server.create': serverCreateKind,
  'order.create': orderCreateKind,
  'domain.purchase': domainPurchaseKind,
  'server.ip_add': ipAddKind,
}

export function handlerFor(kind: Intent['kind']): KindHandler | undefined {
  return HANDLERS[kind]
}
