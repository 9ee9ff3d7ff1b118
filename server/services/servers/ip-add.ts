/**
 * Adding IPv4 addresses through the exactly-once engine: providers bill for them, so a repeated
 * or retried request (the same Idempotency-Key, or the same request within a minute) adds
 * nothing more, and a lost answer is never sent again. Evidence is the server's address list,
 * read under the account lock before the call: one new address (the named one, when an admin
 * named it) settles the intent; several, or one another request could have made, wait for an
 * admin (`needs_review`).
 */
import type { User } from '#server/db/schema'
import type { ActionResult, NetworkInterface } from '#server/providers/types'
import { execute } from '../exactly-once/engine'
import type { KindHandler } from '../exactly-once/kind'
import { DONE_STATES, type Intent } from '../exactly-once/store'
import { adapterFor, getAccountById } from '../provider-accounts'
import type { Target } from './target'

interface IpAddRequest {
  server_id: string
  server: string
  upstream_id: string
  interface: NetworkInterface
  quantity: number | null
  addresses: string[] | null
}

const requestOf = (intent: Intent) => intent.request as unknown as IpAddRequest

export const ipAddKind: KindHandler = {
  async list(intent) {
    const r = requestOf(intent)
    const account = intent.accountId ? await getAccountById(intent.accountId) : undefined
    if (!account) throw new Error(`The provider account of intent ${intent.id} is gone`)
    const server = await adapterFor(account).getServer(r.upstream_id)
    return (server.ipv4 ?? []).map(a => ({ id: `${r.upstream_id}/${a}`, marks: [a] }))
  },
  // Named addresses are the evidence; asked by number, any new one could be it.
  names: intent => ({ names: requestOf(intent).addresses ?? [], uniqueMarker: null }),
  async settled(intent, upstreamId, made) {
    const answer = made as (ActionResult & { addresses: string[] }) | undefined
    return {
      addresses: answer?.addresses ?? [upstreamId.slice(upstreamId.indexOf('/') + 1)],
      action: answer ? { status: answer.status, message: answer.message, code: answer.code, params: answer.params, actionId: answer.actionId } : { status: 'done' },
    }
  },
  describe: (intent) => {
    const r = requestOf(intent)
    return r.addresses ? `IPv4 ${r.addresses.join(', ')} for server ${r.server}` : `${r.quantity} IPv4 address(es) for server ${r.server}`
  },
}

export interface IpAddOutcome {
  intent: Intent
  replayed: boolean
  /** Null while the outcome is not known (or waits for an admin). */
  done: { addresses: string[], action: ActionResult } | null
}

export async function addAddressesOnce(t: Target, user: User, key: string | null, input: { interface: NetworkInterface, quantity?: number, addresses?: string[] }): Promise<IpAddOutcome> {
  const s = t.row.server
  const req: IpAddRequest = {
    server_id: s.id,
    server: s.name,
    upstream_id: s.upstreamId,
    interface: input.interface,
    quantity: input.addresses ? null : input.quantity ?? 1,
    addresses: input.addresses ? [...input.addresses].sort() : null,
  }
  const out = await execute({
    kind: 'server.ip_add',
    handler: ipAddKind,
    userId: user.id,
    accountId: t.account.id,
    key,
    identity: { server_id: req.server_id, interface: req.interface, quantity: req.quantity, addresses: req.addresses },
    request: { ...req, account: t.account.slug },
    send: async (marker) => {
      const answer = await t.adapter.addIpv4(s.upstreamId, req.addresses ? { interface: req.interface, addresses: req.addresses } : { interface: req.interface, quantity: req.quantity! })
      // The answer names the addresses; the intent's own id keeps the record unique on the account.
      return { upstreamId: `${s.upstreamId}/${answer.addresses.join(',')}#${marker}`, record: answer }
    },
  })
  const result = out.intent.result as { addresses?: string[], action?: ActionResult } | null
  const done = DONE_STATES.includes(out.intent.state) && result?.addresses ? { addresses: result.addresses, action: result.action ?? { status: 'done' } } : null
  return { intent: out.intent, replayed: !out.first, done }
}
