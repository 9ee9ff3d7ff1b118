/**
 * A server's addresses and backup plan (both may cost money at the provider: an admin, or an owner
 * whose plan grants `ip_addresses` / `backup_plan`), and the forward-confirmation of its reverse
 * DNS: does the PTR's host name resolve back to the address? Our own DNS zones answer first (and
 * say where a missing A/AAAA record can be created); a real resolver only when asked.
 */
import { Resolver } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { User } from '#server/db/schema'
import { httpError } from '#server/lib/http-errors'
import { NotSupportedError } from '#server/providers/errors'
import type { CapabilityGroup, NetworkInterface } from '#server/providers/types'
import { current, finish } from './actions'
import { addAddressesOnce } from './ip-add'
import { assertServerFeature, type CustomerFeature } from './customer-features'
import { findHostedZone } from '../dns/lookup'
import type { Target } from './target'

const LABEL: Partial<Record<CapabilityGroup, string>> = { ip_addresses: 'adding or removing addresses', backup_plan: 'backup plans' }

async function allow(t: Target, user: User, group: CapabilityGroup, feature: CustomerFeature) {
  const meta = t.adapter.meta
  const cap = meta.capabilities[group]
  if (!cap?.supported) throw new NotSupportedError(meta.displayName, LABEL[group] ?? group, cap?.note)
  await assertServerFeature(user, t.row.server, feature)
}

function assertChangeable(t: Target, user: User) {
  const s = t.row.server
  if (s.goneAt) throw httpError(409, `${s.name} is gone: the provider no longer has it`, 'server_gone')
  if (s.adminLockedAt && user.role !== 'admin') throw httpError(409, `${s.name} is locked by an administrator`, 'invalid_state')
}

const up = (t: Target) => t.row.server.upstreamId

// ---------- addresses ----------

export interface IpAddBody { interface: NetworkInterface, quantity?: number, addresses?: string[] }

/**
 * Exactly once (they are billed): a repeat answers the first request's result without adding or
 * auditing again; `done: false` while a lost answer is being checked (or waits for an admin).
 */
export async function addAddresses(t: Target, user: User, body: IpAddBody, key: string | null) {
  await allow(t, user, 'ip_addresses', 'ip_addresses')
  assertChangeable(t, user)
  // Naming addresses of the provider's blocks is an operator's choice; a customer asks for a number.
  if (body.addresses && user.role !== 'admin') throw httpError(403, 'Only an administrator can name the addresses to add; ask for a quantity', 'forbidden')
  const out = await addAddressesOnce(t, user, key, body)
  const intent = { id: out.intent.id, state: out.intent.state }
  if (!out.done) return { done: false as const, replayed: out.replayed, intent }
  const answer = out.replayed
    ? await current(t, user, out.done.action)
    : await finish(t, user, 'ip_add', out.done.action, { interface: body.interface, addresses: out.done.addresses, intent: out.intent.id })
  return { done: true as const, replayed: out.replayed, intent, answer: { ...answer, addresses: out.done.addresses } }
}

export async function removeAddress(t: Target, user: User, body: { ip: string, interface: NetworkInterface }) {
  await allow(t, user, 'ip_addresses', 'ip_addresses')
  assertChangeable(t, user)
  const s = t.row.server
  const v4 = s.ipv4 ?? []
  if (!v4.includes(body.ip)) throw httpError(400, `${body.ip} is not an IPv4 address of ${s.name}`, 'invalid_input')
  if (v4.length === 1) throw httpError(409, `${body.ip} is the only IPv4 address of ${s.name}: it cannot be removed`, 'invalid_state')
  const result = await t.adapter.removeIpv4(up(t), body.interface, [body.ip])
  return finish(t, user, 'ip_remove', result, { interface: body.interface, ip: body.ip })
}

// ---------- backup plan ----------

export async function readBackupPlan(t: Target, user: User) {
  await allow(t, user, 'backup_plan', 'backup_plan')
  const plan = await t.adapter.getBackupPlan(up(t))
  return { plan: plan ? { id: plan.id, name: plan.name } : null }
}

export async function changeBackupPlan(t: Target, user: User, body: { plan_id: string | null }) {
  await allow(t, user, 'backup_plan', 'backup_plan')
  assertChangeable(t, user)
  const result = await t.adapter.setBackupPlan(up(t), body.plan_id)
  return finish(t, user, 'backup_plan', result, { plan: body.plan_id })
}

// ---------- reverse DNS forward-confirmation ----------

export type ForwardStatus = 'confirmed' | 'mismatch' | 'missing' | 'no_ptr' | 'unknown'

export interface PtrCheckView {
  ip: string
  domain: string | null
  record_type: 'A' | 'AAAA'
  status: ForwardStatus
  /** Where the answer came from: one of our zones, or a public resolver. */
  source: 'zone' | 'resolver' | null
  /** What the host name resolves to (the A or AAAA records). */
  addresses: string[]
  /** Our zone holding the name, when the caller may edit it (to create the record there). */
  zone: { provider?: string, domain: string, name: string } | null
}

/** Canonical text of an address (IPv6 compressed the same way on both sides). */
function canon(ip: string): string {
  if (isIP(ip) !== 6) return ip.trim()
  try { return new URL(`http://[${ip.trim()}]/`).hostname.slice(1, -1) }
  catch { return ip.trim().toLowerCase() }
}

const RESOLVER_TIMEOUT_MS = 3000

async function resolveForward(domain: string, type: 'A' | 'AAAA'): Promise<{ status: 'found' | 'missing' | 'unknown', addresses: string[] }> {
  const r = new Resolver({ timeout: RESOLVER_TIMEOUT_MS, tries: 1 })
  try {
    const list = type === 'A' ? await r.resolve4(domain) : await r.resolve6(domain)
    return { status: 'found', addresses: list.map(canon) }
  }
  catch (e) {
    const code = (e as { code?: string }).code
    return { status: code === 'ENOTFOUND' || code === 'ENODATA' ? 'missing' : 'unknown', addresses: [] }
  }
}

export async function checkPtr(t: Target, user: User, input: { ip: string, resolve: boolean }): Promise<PtrCheckView> {
  const meta = t.adapter.meta
  if (!meta.capabilities.ptr?.supported) throw new NotSupportedError(meta.displayName, 'reverse DNS', meta.capabilities.ptr?.note)
  await assertServerFeature(user, t.row.server, 'ptr')
  const s = t.row.server
  if (![...(s.ipv4 ?? []), ...(s.ipv6 ?? [])].includes(input.ip)) throw httpError(400, `${input.ip} is not an address of ${s.name}`, 'invalid_input')
  const type = isIP(input.ip) === 6 ? 'AAAA' : 'A'
  const domain = (await t.adapter.listPtr(up(t))).find(r => r.ip === input.ip)?.domain?.replace(/\.$/, '').toLowerCase() ?? null
  const base = { ip: input.ip, domain, record_type: type, addresses: [], zone: null } as const
  if (!domain) return { ...base, addresses: [], status: 'no_ptr', source: null }

  const hosted = await findHostedZone(user, domain)
  if (hosted) {
    const addresses = hosted.records.filter(r => r.type === type && r.name.toLowerCase() === hosted.name).map(r => canon(r.content))
    // White label: a customer edits the zone by its name alone (`/api/dns/{domain}`).
    const account = user.role === 'admin' ? { provider: hosted.provider } : {}
    const zone = hosted.editable ? { ...account, domain: hosted.domain, name: hosted.name } : null
    const status: ForwardStatus = addresses.includes(canon(input.ip)) ? 'confirmed' : addresses.length ? 'mismatch' : 'missing'
    return { ...base, status, source: 'zone', addresses, zone }
  }
  if (!input.resolve) return { ...base, addresses: [], status: 'unknown', source: null }
  const found = await resolveForward(domain, type)
  const status: ForwardStatus = found.status === 'unknown' ? 'unknown' : found.addresses.includes(canon(input.ip)) ? 'confirmed' : found.addresses.length ? 'mismatch' : 'missing'
  return { ...base, status, source: 'resolver', addresses: found.addresses }
}
