/**
 * `withLock(key, fn)`: one `fn` at a time per key, across every app instance on the database.
 *
 * In this process the callers queue on a promise chain (so one instance holds at most one
 * database connection per key); the head of the queue then takes a PostgreSQL advisory lock,
 * which the other instances wait for. On PGlite, where one process owns the database, the
 * in-process queue is the whole lock. A lock dies with its connection, so a crashed instance
 * never leaves a key locked.
 *
 * Keys carry their kind: `dns-zone:<account id>:<domain>`, `ssh-keys:<account id>`.
 */
import { useDbHandle } from '../db/client'

const queues = new Map<string, Promise<unknown>>()

async function inProcess<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.catch(() => undefined).then(fn)
  const tail = run.catch(() => undefined)
  queues.set(key, tail)
  try { return await run }
  finally { if (queues.get(key) === tail) queues.delete(key) }
}

export function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  return inProcess(key, async () => {
    const handle = await useDbHandle()
    return handle.withAdvisoryLock ? handle.withAdvisoryLock(key, fn) : fn()
  })
}
