/**
 * Buying a domain through the exactly-once engine (services/exactly-once). Refused before
 * anything is sent when the name is already in the portfolio — so a lost answer is settled by
 * the portfolio alone: the name there now (it was not before, under the account lock) is
 * evidence; absent, the engine re-checks and, past its deadline, asks an admin.
 */
import type { ProviderAccount, User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { isProviderError } from '#server/providers/errors'
import type { BaseAdapter } from '#server/providers/base'
import type { PurchaseBody } from '#shared/domains/schema'
import { execute } from '../exactly-once/engine'
import type { KindHandler } from '../exactly-once/kind'
import { DONE_STATES, type Intent } from '../exactly-once/store'
import { adapterFor, getAccountById } from '../provider-accounts'
import { presentDomain, type PublicDomain } from './present'

export interface PurchaseRequest {
  domain: string
  period: number
  auto_renew: boolean | null
  privacy_protection: boolean | null
  payment_method_id: string | null
}

/** Defaults filled in, so `{domain}` and `{domain, period: 1}` are the same request. */
export function normalizeRequest(body: PurchaseBody): PurchaseRequest {
  return {
    domain: body.domain,
    period: body.period ?? 1,
    auto_renew: body.auto_renew ?? null,
    privacy_protection: body.privacy_protection ?? null,
    payment_method_id: body.payment_method_id ?? null,
  }
}

export interface PurchaseOutcome {
  intent: Intent
  /** The bought domain; null while the outcome is unknown or waits for review. */
  domain: PublicDomain | null
  replayed: boolean
}

export async function purchaseDomain(opts: { user: User, account: ProviderAccount, key: string | null, body: PurchaseBody }): Promise<PurchaseOutcome> {
  const req = normalizeRequest(opts.body)
  const adapter = adapterFor(opts.account)
  const out = await execute({
    kind: 'domain.purchase',
    handler: domainPurchaseKind,
    userId: opts.user.id,
    accountId: opts.account.id,
    key: opts.key,
    identity: { ...req },
    request: { ...req, account: opts.account.slug },
    precheck: async () => {
      // Already in the portfolio? Then finding it after a lost answer would prove nothing: refuse now.
      if (await findInPortfolio(adapter, req.domain)) {
        throw httpError(409, `${req.domain} is already in the portfolio of ${opts.account.displayName}`, 'domain_owned')
      }
    },
    send: async () => {
      const d = await adapter.purchaseDomain({
        domain: req.domain,
        period: req.period,
        auto_renew: req.auto_renew ?? undefined,
        privacy_protection: req.privacy_protection ?? undefined,
        payment_method_id: req.payment_method_id ?? undefined,
      })
      return { upstreamId: req.domain, record: d }
    },
  })
  const domain = DONE_STATES.includes(out.intent.state) ? ((out.intent.result as { domain?: PublicDomain } | null)?.domain ?? null) : null
  return { intent: out.intent, domain, replayed: !out.first }
}

/** The domain as the portfolio has it, or null when it is not there. */
async function findInPortfolio(adapter: BaseAdapter, domain: string) {
  try {
    return await adapter.getDomain(domain)
  }
  catch (e) {
    if (isProviderError(e) && e.code === 'not_found') return null
    throw e
  }
}

async function adapterOf(intent: Intent) {
  const account = intent.accountId ? await getAccountById(intent.accountId) : undefined
  if (!account) throw new Error(`The provider account of intent ${intent.id} is gone`)
  return adapterFor(account)
}

const domainOf = (intent: Intent) => (intent.request as { domain: string }).domain

/** A domain is its own evidence: its name is unique, and it was not in the portfolio before. */
export const domainPurchaseKind: KindHandler = {
  async list(intent) {
    const found = await findInPortfolio(await adapterOf(intent), domainOf(intent))
    return found ? [{ id: domainOf(intent), marks: [domainOf(intent)] }] : []
  },
  names: intent => ({ names: [domainOf(intent)], uniqueMarker: null }),
  async settled(intent, _upstreamId, made) {
    const d = made ?? await (await adapterOf(intent)).getDomain(domainOf(intent))
    return { domain: presentDomain(d as Parameters<typeof presentDomain>[0]) }
  },
  describe: intent => `domain ${domainOf(intent)}`,
}
