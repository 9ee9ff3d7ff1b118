/** The bench's own connection to the app's database: a pg pool, to PostgreSQL or to the PGlite folder's own process. */
import { drizzle } from 'drizzle-orm/node-postgres'
import * as schema from '../../server/db/schema'
import type { Db } from '../../server/db/client'
import { startPgliteProcess } from '../../server/db/pglite-process'

export interface BenchDb {
  db: Db
  query: (text: string, params?: unknown[]) => Promise<{ rows: any[] }>
  close: () => Promise<void>
}

export async function openBenchDb(url: string | undefined, pgliteDir: string): Promise<BenchDb> {
  const pg = (await import('pg')).default
  // The embedded database is reached as the app reaches it: its process, over the socket.
  // One connection to it, as the app has (server/db/client.ts says why).
  const embedded = url ? undefined : await startPgliteProcess(pgliteDir, 1)
  const pool = new pg.Pool({ ...(embedded ? embedded.connection : { connectionString: url }), max: embedded ? 1 : 2 })
  return {
    db: drizzle(pool, { schema }),
    query: (t, p) => pool.query(t, p as any[]),
    close: async () => {
      await pool.end()
      await embedded?.stop()
    },
  }
}
