/** The bench's own connection to the app's database: a pg pool, or the PGlite folder in-process. */
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres'
import { drizzle as pgliteDrizzle } from 'drizzle-orm/pglite'
import * as schema from '../../server/db/schema'
import type { Db } from '../../server/db/client'

export interface BenchDb {
  db: Db
  query: (text: string, params?: unknown[]) => Promise<{ rows: any[] }>
  close: () => Promise<void>
}

export async function openBenchDb(url: string | undefined, pgliteDir: string): Promise<BenchDb> {
  if (url) {
    const pg = (await import('pg')).default
    const pool = new pg.Pool({ connectionString: url, max: 2 })
    return { db: pgDrizzle(pool, { schema }), query: (t, p) => pool.query(t, p as any[]), close: () => pool.end() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const client = await PGlite.create(pgliteDir, { extensions: { pg_trgm } })
  return { db: pgliteDrizzle(client, { schema }) as unknown as Db, query: (t, p) => client.query(t, p as any[]), close: () => client.close() }
}
