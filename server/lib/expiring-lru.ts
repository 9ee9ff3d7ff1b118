/**
 * A small in-process cache: at most `max` entries, each with its own expiry time, the least
 * recently used dropped first. For per-request lookups that are costly to redo (the session
 * cookie's unseal, the session row) and must never grow without bound.
 */
export class ExpiringLru<K, V> {
  readonly #entries = new Map<K, { value: V, expiresAt: number }>()

  constructor(readonly max: number) {}

  get(key: K, now = Date.now()): V | undefined {
    const hit = this.#entries.get(key)
    if (!hit) return undefined
    this.#entries.delete(key)
    if (hit.expiresAt <= now) return undefined
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.#entries.set(key, hit)
    return hit.value
  }

  set(key: K, value: V, expiresAt: number) {
    this.#entries.delete(key)
    this.#entries.set(key, { value, expiresAt })
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value!)
  }

  delete(key: K) {
    this.#entries.delete(key)
  }

  /** Drops every entry whose value matches. */
  deleteWhere(match: (value: V) => boolean) {
    for (const [key, entry] of this.#entries) if (match(entry.value)) this.#entries.delete(key)
  }

  get size() {
    return this.#entries.size
  }
}
