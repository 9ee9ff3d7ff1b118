/**
 * One database handle for the whole process. Without DATABASE_URL the app runs on embedded
 * PGlite under `.data/` (or PGLITE_DIR); with it, on PostgreSQL through a pool. Everything
 * above this file is the same code.
 *
 * Nitro does not await async plugins, so initialisation is a cached promise that every caller
 * awaits: a failed migration surfaces as an error on the first request, not a silent hang.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import * as schema from './schema'
import { env } from '../lib/config'

export type Db = NodePgDatabase<typeof schema>

export interface DbHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  /** Raw SQL for pg-boss: `(text, values) => { rows }`. */
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: any[] }>
  /**
   * Runs `fn` holding a PostgreSQL advisory lock on `key`, so app instances sharing the database
   * take turns (server/lib/locks.ts). Absent on PGlite: one process owns that database.
   */
  withAdvisoryLock?: <T>(key: string, fn: () => Promise<T>) => Promise<T>
  close: () => Promise<void>
}

let handle: Promise<DbHandle> | undefined

/**
 * drizzle/ (copied next to the built server by nuxt.config.ts) is looked for upwards from this
 * module and from the script node runs (`node /srv/panel/.output/server/index.mjs`), never in the
 * working directory: a service started from anywhere finds the migrations of its own build.
 * In the built server `import.meta.url` is a placeholder at start-up, hence the entry script.
 */
export function findMigrationsDir(): string {
  const explicit = env().MIGRATIONS_DIR
  if (explicit) return explicit
  const starts = [safeDir(() => fileURLToPath(import.meta.url)), safeDir(() => realpathSync(process.argv[1]!))]
  for (const start of starts) {
    let dir = start
    for (let i = 0; dir && i < 6; i++) {
      if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return join(dir, 'drizzle')
      dir = dirname(dir)
    }
  }
  throw new Error(`no drizzle/ migrations found next to ${starts.filter(Boolean).join(' or ')} (set MIGRATIONS_DIR to the folder)`)
}

function safeDir(path: () => string): string | undefined {
  try { return dirname(path()) }
  catch { return undefined }
}

async function open(): Promise<DbHandle> {
  const url = env().DATABASE_URL
  const migrationsFolder = findMigrationsDir()
  if (url) {
    const { Pool } = (await import('pg')).default
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    const pool = new Pool({ connectionString: url, max: env().DATABASE_POOL_MAX })
    const db = drizzle(pool, { schema })
    // Instances starting together on one database take turns migrating.
    await withAdvisoryLock(url, 'migrations', () => migrate(db, { migrationsFolder }))
    return {
      db,
      kind: 'postgres',
      executeSql: (text, values) => pool.query(text, values as any[]),
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
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  const { fromPglite } = await import('pg-boss')
  // pg_trgm backs the server search index (migration 0006); PGlite ships it as an extension.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } })
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    // pg-boss's own PGlite adapter: multi-statement scripts go through exec() with every result's
    // rows kept, and an aborted transaction is rolled back so it cannot poison the one connection.
    executeSql: fromPglite(client).executeSql,
    close: () => client.close(),
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
