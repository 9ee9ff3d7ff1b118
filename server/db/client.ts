/**
 * One database handle for the whole process, on one driver: a `pg` pool (drizzle node-postgres).
 * With DATABASE_URL the pool reaches PostgreSQL; without it, the embedded PGlite database in
 * `.data/` (or PGLITE_DIR), which runs in a child process of its own and speaks the PostgreSQL
 * protocol on a unix socket (pglite-process.ts). Everything above this file is the same code.
 *
 * Nitro does not await async plugins, so initialisation is a cached promise that every caller
 * awaits: a failed migration surfaces as an error on the first request, not a silent hang.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import type { Pool, PoolConfig } from 'pg'
import * as schema from './schema'
import { env } from '../lib/config'
import { findBesideBuild, searchStarts } from './build-files'
import { startPgliteProcess } from './pglite-process'

export type Db = NodePgDatabase<typeof schema>

export interface DbHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  /** Raw SQL for pg-boss: `(text, values) => { rows }`. */
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: any[] }>
  /**
   * Runs `fn` holding a PostgreSQL advisory lock on `key`, so app instances sharing the database
   * take turns (server/lib/locks.ts). Absent on PGlite: one process owns that database, and its
   * connections share one session there, so an advisory lock would not keep them apart anyway.
   */
  withAdvisoryLock?: <T>(key: string, fn: () => Promise<T>) => Promise<T>
  /** The embedded database's process id (PGlite only). */
  pid?: number
  close: () => Promise<void>
}

let handle: Promise<DbHandle> | undefined

/** drizzle/ next to the server (see build-files.ts), or MIGRATIONS_DIR. */
export function findMigrationsDir(): string {
  const explicit = env().MIGRATIONS_DIR
  if (explicit) return explicit
  const journal = findBesideBuild([join('drizzle', 'meta', '_journal.json')])
  if (journal) return dirname(dirname(journal))
  throw new Error(`no drizzle/ migrations found next to ${searchStarts().join(' or ')} (set MIGRATIONS_DIR to the folder)`)
}

/**
 * One connection to the embedded database. Its socket server puts every connection on PGlite's
 * one session and can interleave the extended-protocol messages (Parse, Bind, Execute) of two
 * connections: under load a query then fails with "unnamed prepared statement does not exist".
 * PGlite runs one statement at a time anyway; queries wait in the pool, as they waited for
 * in-process PGlite's lock.
 */
const EMBEDDED_POOL_MAX = 1

async function openPool(config: PoolConfig, max: number) {
  const { Pool } = (await import('pg')).default
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const pool = new Pool({ ...config, max })
  // An idle connection that breaks is dropped by the pool; without a listener it would throw.
  pool.on('error', err => console.error('[db] connection failed:', err.message))
  return { pool, db: drizzle(pool, { schema }) }
}

/**
 * pg-boss's scripts open transactions; one that fails part-way is rolled back on its own
 * connection before that goes back to the pool (on PGlite every connection shares the one
 * session, so an aborted transaction left there would stop them all).
 */
function executeSqlOn(pool: Pool): DbHandle['executeSql'] {
  return async (text, values) => {
    const client = await pool.connect()
    let broken: Error | undefined
    try { return await client.query(text, values as any[]) }
    catch (err) {
      await client.query('rollback').catch((e: Error) => { broken = e })
      throw err
    }
    finally { client.release(broken) }
  }
}

async function open(): Promise<DbHandle> {
  const url = env().DATABASE_URL
  const migrationsFolder = findMigrationsDir()
  const { migrate } = await import('drizzle-orm/node-postgres/migrator')
  if (url) {
    const { pool, db } = await openPool({ connectionString: url }, env().DATABASE_POOL_MAX)
    // Instances starting together on one database take turns migrating.
    await withAdvisoryLock(url, 'migrations', () => migrate(db, { migrationsFolder }))
    return {
      db,
      kind: 'postgres',
      executeSql: executeSqlOn(pool),
      withAdvisoryLock: (key, fn) => withAdvisoryLock(url, key, fn),
      close: async () => {
        await lockPool?.end()
        lockPool = undefined
        await pool.end()
      },
    }
  }
  const dataDir = env().PGLITE_DIR || resolve(process.cwd(), '.data/pglite')
  if (!dataDir.startsWith('memory://')) mkdirSync(dirname(dataDir), { recursive: true })
  const child = await startPgliteProcess(dataDir, EMBEDDED_POOL_MAX)
  try {
    const { pool, db } = await openPool(child.connection, EMBEDDED_POOL_MAX)
    await migrate(db, { migrationsFolder })
    return {
      db,
      kind: 'pglite',
      executeSql: executeSqlOn(pool),
      pid: child.pid,
      close: async () => {
        await pool.end()
        await child.stop()
      },
    }
  }
  catch (err) {
    await child.stop()
    throw err
  }
}

/**
 * Advisory locks are held by a session, so each holder keeps one connection until it lets go.
 * They come from a pool of their own: a holder's queries then never wait for a connection that
 * another holder keeps (with one shared pool, N holders could starve each other).
 */
let lockPool: import('pg').Pool | undefined

async function withAdvisoryLock<T>(url: string, key: string, fn: () => Promise<T>): Promise<T> {
  if (!lockPool) {
    const { Pool } = (await import('pg')).default
    lockPool = new Pool({ connectionString: url, max: env().DATABASE_LOCK_POOL_MAX })
    lockPool.on('error', err => console.error('[db] lock connection failed:', err.message))
  }
  const client = await lockPool.connect()
  let broken: Error | undefined
  try {
    // 64-bit hash of the key: one lock space for every kind of key (they carry a prefix).
    await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key])
    try { return await fn() }
    finally {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch((e: Error) => { broken = e })
    }
  }
  finally {
    // A connection that could not unlock is closed, which releases the lock with it.
    client.release(broken)
  }
}

export function useDbHandle(): Promise<DbHandle> {
  if (!handle) {
    handle = open()
    // Let a later call try again instead of caching the failure forever.
    handle.catch(() => { handle = undefined })
  }
  return handle
}

export async function useDb(): Promise<Db> {
  return (await useDbHandle()).db
}

export async function closeDb() {
  if (!handle) return
  const h = await handle.catch(() => undefined)
  handle = undefined
  await h?.close()
}

export { schema }
