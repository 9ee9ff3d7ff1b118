/**
 * GET /api/servers answers kept as their JSON text, per caller and query, while the inventory's
 * change counter (`data_versions` 'inventory', bumped by triggers in the commit of any change the
 * listing shows: migration 0009) stays where it was when the answer was built. A repeated listing
 * then costs one indexed read instead of its queries, its row views and its serialisation, and a
 * change, made through this instance, another one, a sync job or psql, shows in the next listing.
 *
 * The counter is read before the answer is built, so a kept answer is never older than the
 * number it is kept under (at worst newer, and then rebuilt once the reader sees the new number).
 */
import { eq } from 'drizzle-orm'
import { useDb } from '#server/db/client'
import { dataVersions } from '#server/db/schema'
import { ExpiringLru } from '#server/lib/expiring-lru'

const SCOPE = 'inventory'
/** Answers are tens of kB (100 rows at most): a few MB in all. */
const KEPT_ANSWERS = 64

interface Kept { version: number, json: string }
const kept = new ExpiringLru<string, Kept>(KEPT_ANSWERS)
/** Answers being built: callers that miss together wait for one build. */
const building = new Map<string, Promise<string>>()

async function readVersion(): Promise<number> {
  const db = await useDb()
  const [row] = await db.select({ version: dataVersions.version }).from(dataVersions).where(eq(dataVersions.scope, SCOPE))
  // No row (a database migrated by hand without it): never reuse an answer.
  return row ? Number(row.version) : Number.NaN
}

let reading: Promise<number> | undefined
let nextRead: Promise<number> | undefined

/**
 * The counter, read after this call began, so every change committed before it is counted.
 * Callers that come while a read is under way (it may have been sent before they came) share the
 * next one: under load, one read serves many requests instead of one each.
 */
export function inventoryVersion(): Promise<number> {
  if (!reading) {
    reading = readVersion().finally(() => { reading = undefined })
    return reading
  }
  nextRead ??= reading.catch(() => undefined).then(() => {
    nextRead = undefined
    return inventoryVersion()
  })
  return nextRead
}

/**
 * The JSON text of `key`'s answer: the kept one while the counter has not moved and it has not
 * expired, else `build`'s, kept until `expiresAt` (when something in it changes with time alone).
 * `build` is given the counter's value the answer will be kept under (NaN: not kept).
 */
export async function keptAnswer(key: string, build: (version: number) => Promise<{ answer: unknown, expiresAt: number }>): Promise<string> {
  const version = await inventoryVersion()
  const hit = kept.get(key)
  if (hit && hit.version === version) return hit.json
  const slot = `${version}\n${key}`
  const pending = building.get(slot)
  if (pending) return pending
  const made = (async () => {
    const { answer, expiresAt } = await build(version)
    const json = JSON.stringify(answer)
    if (Number.isFinite(version)) kept.set(key, { version, json }, expiresAt)
    return json
  })()
  building.set(slot, made)
  try { return await made }
  finally { building.delete(slot) }
}
