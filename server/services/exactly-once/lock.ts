/**
 * The per-account create lock. While it is held, no other create of ours runs on that provider
 * account — in this process (a promise chain) nor in another app instance (a PostgreSQL session
 * advisory lock on a dedicated connection). So the upstream objects that appear between the
 * "before" snapshot and the reconciliation are ours alone, which is what makes a set
 * difference evidence. PGlite is one connection in one process: the in-process chain is the lock.
 */
import { useDbHandle } from '#server/db/client'

const chains = new Map<string, Promise<unknown>>()

/** Runs `fn` holding the lock named `name` (e.g. `account:<id>`). */
export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const prev = chains.get(name) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>(r => (release = r))
  const tail = prev.then(() => mine)
  chains.set(name, tail)
  await prev.catch(() => {})
  try {
    return await withDbLock(name, fn)
  }
  finally {
    release()
    if (chains.get(name) === tail) chains.delete(name)
  }
}

async function withDbLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const handle = await useDbHandle()
  if (handle.kind !== 'postgres') return fn()
  const pool = (handle.db as unknown as { $client: { connect(): Promise<{ query(t: string, v?: unknown[]): Promise<unknown>, release(): void }> } }).$client
  const conn = await pool.connect()
  try {
    await conn.query('select pg_advisory_lock(hashtext($1))', [`exactly-once:${name}`])
    try {
      return await fn()
    }
    finally {
      await conn.query('select pg_advisory_unlock(hashtext($1))', [`exactly-once:${name}`]).catch(() => {})
    }
  }
  finally {
    conn.release()
  }
}
