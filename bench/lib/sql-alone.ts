/**
 * "Its SQL alone": the statements one listing request runs (built by the same code the API
 * uses, `listingQueries`), run back to back on the bench's own connection: the floor the API
 * is compared with.
 */
import { listQuerySchema } from '../../server/services/servers/filters'
import * as inventory from '../../server/services/servers/inventory'
import { p95Of } from './load'
import type { BenchDb } from './db'

const ADMIN = { id: '00000000-0000-4000-8000-000000000000', role: 'admin' as const }

/** One run of the listing's statements, one after another. */
export async function runListingSql(b: BenchDb, query: Record<string, string>) {
  const q = listQuerySchema.parse({ per_page: '25', ...query })
  const statements = (): PromiseLike<unknown>[] => {
    const built = inventory.listingQueries(b.db, q, ADMIN) as Record<string, PromiseLike<unknown>>
    // Before the accounts section moved into the listing, the API ran this one next to it.
    const extra = 'accounts' in built || !('accountsSummaryQuery' in inventory) ? [] : [(inventory as any).accountsSummaryQuery(b.db)]
    return [...Object.values(built), ...extra]
  }
  for (const s of statements()) await s
}

export function sqlAlone(b: BenchDb, query: Record<string, string>, calls: number) {
  return p95Of(calls, () => runListingSql(b, query))
}
