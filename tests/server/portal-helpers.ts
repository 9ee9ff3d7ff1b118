/** Set-up for the portal suites: plans per provider, keychain keys, orders and waiting on them. */
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { expect, vi } from 'vitest'
import type { Client } from './helpers'

/** A fresh OpenSSH ed25519 public key line. */
export function newPublicKey(comment = 'test@portal') {
  const der = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' })
  const raw = der.subarray(der.length - 32)
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b])
  const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)])
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`
}

/** Puts a key in a user's keychain (test-only route). */
export async function addKeychainKey(admin: Client, userId: string, name = 'laptop') {
  const r = await admin.post('/api/_test/ssh-keys', { user_id: userId, name, public_key: newPublicKey(`${name}@portal`) })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body as { id: string, fingerprint: string, publicKey: string }
}

/** Good mappings against the sandbox catalogs. */
export const GOOD_MAPPINGS = {
  virtfusion: { packageId: '1', hypervisorId: '1', userPolicy: 'per_customer' },
  virtua: { offer: 'vcs-2-intel.par01fr', system: 'debian-10-64' },
  hostinger: { item: 'hostingercom-vps-kvm1-usd-1m', dataCenterId: '19', template: '1077' },
  inferno: { pid: '303', ostpl: 'debian12-64-default' },
} as const

let n = 0
export async function createPlan(admin: Client, type: keyof typeof GOOD_MAPPINGS, mapping: Record<string, string> = { ...GOOD_MAPPINGS[type] }) {
  const r = await admin.post('/api/plans', { name: `${type} plan ${Date.now()}-${n++}`, description: `A ${type} server`, price_text: '€5 / month', account: type, mapping })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}

/** A VirtFusion plan with one monthly price (minor units, EUR): its orders are invoiced. */
export async function createPricedPlan(admin: Client, prefix: string, amountMinor: number) {
  const r = await admin.post('/api/plans', {
    name: `${prefix} ${randomUUID().slice(0, 8)}`, account: 'virtfusion', mapping: { ...GOOD_MAPPINGS.virtfusion },
    prices: [{ cycle: 'monthly', amount_minor: amountMinor, currency: 'EUR' }],
  })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}

export function uniqueHost(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${(n++).toString(36)}.example.com`
}

export async function order(c: Client, body: Record<string, unknown>, key: string = randomUUID()) {
  return c.post('/api/orders', body, { 'Idempotency-Key': key })
}

/** Polls GET /api/orders/:id until `done` holds. */
export async function waitOrder(c: Client, id: string, done: (o: any) => boolean = o => !['pending', 'running'].includes(o.status), timeoutMs = 45_000) {
  return vi.waitFor(async () => {
    const r = await c.get(`/api/orders/${id}`)
    if (r.status === 200 && done(r.body)) return r.body
    throw new Error(`order ${id} did not settle: ${JSON.stringify({ status: r.body?.status, step: r.body?.current_step, error: r.body?.error })}`)
  }, { timeout: timeoutMs, interval: 250 })
}

export const STEP_NAMES = ['ensure_user', 'push_ssh_keys', 'create', 'install', 'wait_running', 'assign', 'notify']
