/**
 * One database handle for the whole process. Without DATABASE_URL the app runs on embedded
 * PGlite under `.data/` (or PGLITE_DIR); with it, on PostgreSQL through a pool. Everything
 * above this file is the same code.
 *
 * Nitro does not await async plugins, so initialisation is a cached promise that every caller
 * awaits: a failed migration surfaces as an error on the first request, not a silent hang.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import * as schema from './schema'

export type Db = NodePgDatabase<typeof schema>

export interface DbHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  /** Raw SQL for pg-boss: `(text, values) => { rows }`. */
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: any[] }>
  close: () => Promise<void>
}

let handle: Promise<DbHandle> | undefined

export function findMigrationsDir(): string {
  if (process.env.MIGRATIONS_DIR) return process.env.MIGRATIONS_DIR
  // In a build, migrations sit in .output/server/drizzle; walk up from this chunk to find them.
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return join(dir, 'drizzle')
    dir = dirname(dir)
  }
  return resolve(process.cwd(), 'drizzle')
}

async function open(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL || process.env.NUXT_DATABASE_URL
  const migrationsFolder = findMigrationsDir()
  if (url) {
    const { Pool } = (await import('pg')).default
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) })
    const db = drizzle(pool, { schema })
    await migrate(db, { migrationsFolder })
    return {
      db,
      kind: 'postgres',
      executeSql: (text, values) => pool.query(text, values as any[]),
      close: () => pool.end(),
    }
  }
  const dataDir = process.env.PGLITE_DIR || resolve(process.cwd(), '.data/pglite')
  if (!dataDir.startsWith('memory://')) mkdirSync(dirname(dataDir), { recursive: true })
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  // pg_trgm backs the server search index (migration 0004); PGlite ships it as an extension.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } })
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    // pg-boss sends multi-statement scripts without parameters; PGlite runs those only through exec().
    executeSql: async (text, values) => {
      if (values && values.length) return client.query(text, values as any[])
      const results = await client.exec(text)
      return { rows: results.at(-1)?.rows ?? [] }
    },
    close: () => client.close(),
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
