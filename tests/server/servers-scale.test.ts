/**
 * The inventory at 10,000 servers / 1,000 zones, on PostgreSQL in both CI runs: the plans of
 * the listing's queries (built by the same `listingQueries` the API runs) use indexes, never a
 * sequential scan of `servers`; the maintained counters agree with count(*) through inserts,
 * updates and deletes.
 *
 * Its own database, next to the suite's: SCALE_DATABASE_URL, else TEST_DATABASE_URL's (or, on
 * the PGlite run, postgres://postgres@127.0.0.1:5432/test's) name with `_scale`, created here
 * and dropped afterwards.
 */
import { resolve } from 'node:path'
import pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../../server/db/schema'
import type { Db } from '../../server/db/client'
import { listQuerySchema } from '../../server/services/servers/filters'
import { listingQueries } from '../../server/services/servers/inventory'
import { ROOT } from '../support/app-process'
import { ownDatabase } from '../support/own-database'
import { SCALE, seedScale } from '../support/scale-seed'

const own = ownDatabase('scale', process.env.SCALE_DATABASE_URL)
const { url, name: dbName } = own

let pool: pg.Pool
let db: Db
let customerId: string
const ADMIN = { id: '00000000-0000-4000-8000-000000000000', role: 'admin' as const }

beforeAll(async () => {
  await own.recreate()
  pool = new pg.Pool({ connectionString: url, max: 2 })
  db = drizzle(pool, { schema }) as unknown as Db
  await migrate(db as any, { migrationsFolder: resolve(ROOT, 'drizzle') })
  customerId = (await seedScale((t, p) => pool.query(t, p as any[]))).customerId
})

afterAll(async () => {
  await pool?.end()
  await own.drop()
})

/** Every node of a JSON plan, flattened. */
function nodes(plan: any): any[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)]
}

async function explain(query: { toSQL: () => { sql: string, params: unknown[] } }) {
  const { sql, params } = query.toSQL()
  const { rows } = await pool.query(`explain (format json) ${sql}`, params as any[])
  return nodes(rows[0]['QUERY PLAN'][0].Plan)
}

const pageOf = (query: Record<string, string>, user: { id: string, role: 'admin' | 'customer' } = ADMIN) =>
  listingQueries(db, listQuerySchema.parse({ per_page: '25', ...query }), user)

describe(`the listing at ${SCALE.servers.toLocaleString('en')} servers (PostgreSQL: ${dbName})`, () => {
  it('is seeded: 10k servers, 1k zones, with the trigram index in place', async () => {
    expect(Number((await pool.query('select count(*) from servers')).rows[0].count)).toBe(SCALE.servers)
    expect(Number((await pool.query('select count(*) from zone_assignments')).rows[0].count)).toBe(SCALE.zones)
    const idx = (await pool.query(`select indexname from pg_indexes where tablename = 'servers'`)).rows.map(r => r.indexname)
    expect(idx).toEqual(expect.arrayContaining(['servers_name_sort_idx', 'servers_owner_name_idx', 'servers_search_trgm_idx']))
  })

  const cases: [string, Record<string, string>, 'admin' | 'customer'][] = [
    ['the default page (admin, by name)', {}, 'admin'],
    ['the default page of a customer', {}, 'customer'],
    ['a filtered, sorted page (status, -created_at)', { status: 'running', sort: '-created_at' }, 'admin'],
    ['a status filter by name', { status: 'stopped,error' }, 'admin'],
    // A selective search (a host, an address): the trigram index. (A term most servers match,
    // like "web", is rightly a scan: the planner then reads the table instead.)
    ['a text search', { q: 'host4242' }, 'admin'],
    ['an address search', { q: '10.0.39.' }, 'admin'],
  ]
  for (const [label, query, role] of cases) {
    it(`${label}: no sequential scan on servers`, async () => {
      const user = role === 'admin' ? ADMIN : { id: customerId, role }
      const q = pageOf(query, user)
      for (const [name, statement] of Object.entries(q)) {
        const plan = await explain(statement as any)
        const seq = plan.filter(n => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'servers')
        expect(seq, `${name}: ${JSON.stringify(plan.map(n => `${n['Node Type']} ${n['Relation Name'] ?? ''} ${n['Index Name'] ?? ''}`))}`).toEqual([])
      }
    })
  }

  it('the default page walks the name index and the total reads counters, not servers', async () => {
    const q = pageOf({})
    const page = await explain(q.page)
    expect(page.some(n => n['Index Name'] === 'servers_name_sort_idx')).toBe(true)
    const total = await explain(q.total)
    expect(total.some(n => n['Relation Name'] === 'servers')).toBe(false)
    // The page after a cursor is a range on the same index.
    const [row] = (await pool.query(`select lower(name) as n, id from servers order by lower(name), id offset 5000 limit 1`)).rows
    const cursor = Buffer.from(JSON.stringify(['name', row.n, row.id])).toString('base64url')
    const next = await explain(pageOf({ cursor }).page)
    expect(next.some(n => n['Index Name'] === 'servers_name_sort_idx' && String(n['Index Cond'] ?? '').includes('lower'))).toBe(true)
  })

  it('counters equal count(*) after inserts, updates and deletes', async () => {
    const compare = async () => {
      const counted = (await pool.query(`select account_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000') as o, status, gone_at is not null as gone, count(*)::int as n from servers group by 1, 2, 3, 4`)).rows
      const kept = (await pool.query(`select account_id, owner_key as o, status, gone, n from server_counts where n <> 0`)).rows
      const key = (r: any) => `${r.account_id}|${r.o}|${r.status}|${r.gone}|${r.n}`
      expect(kept.map(key).sort()).toEqual(counted.map(key).sort())
    }
    await compare()
    await pool.query(`update servers set status = 'stopped' where upstream_id in ('up-1', 'up-2', 'up-3')`)
    await pool.query(`update servers set owner_id = $1 where upstream_id = 'up-4'`, [customerId])
    await pool.query(`update servers set gone_at = now() where upstream_id = 'up-5'`)
    await pool.query(`update servers set last_synced_at = now()`)
    await pool.query(`delete from servers where upstream_id in ('up-6', 'up-7')`)
    await pool.query(`insert into servers (account_id, upstream_id, name) select account_id, 'new-' || upstream_id, 'new' from servers where upstream_id in ('up-8', 'up-9')`)
    await compare()
    // The listing's total from counters matches a count over the same filters.
    const total = await pageOf({ status: 'stopped' }).total
    const real = (await pool.query(`select count(*)::int as n from servers where status = 'stopped'`)).rows[0].n
    expect(Number((total as any)[0].n)).toBe(real)
  })
})
