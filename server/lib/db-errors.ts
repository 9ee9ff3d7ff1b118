/**
 * Database errors a person can act on. Drizzle wraps the driver's error (pg or PGlite) in its
 * own, and h3 wraps that again, so the SQLSTATE is looked for down the `cause` chain.
 */

function sqlError(e: unknown, code: string): { detail?: string, table?: string } | null {
  let cur: any = e
  for (let i = 0; cur && i < 6; i++, cur = cur.cause) {
    if (cur.code === code) return cur
  }
  return null
}

/** Tables named as the things a person knows them by. */
const THINGS: Record<string, string> = {
  plans: 'plans', orders: 'orders', servers: 'servers', provider_accounts: 'provider accounts',
  users: 'users', ssh_keys: 'SSH keys', zone_assignments: 'DNS zone assignments',
}

/**
 * A foreign-key violation (23503) as one sentence saying what still uses the row, or null.
 * PostgreSQL's detail reads `Key (id)=(…) is still referenced from table "plans".`
 */
export function foreignKeyConflict(e: unknown): string | null {
  const err = sqlError(e, '23503')
  if (!err) return null
  const referencing = /referenced from table "([^"]+)"/.exec(err.detail ?? '')?.[1]
  if (referencing) return `It is still used by ${THINGS[referencing] ?? referencing.replace(/_/g, ' ')}: remove or move those first`
  const missing = /is not present in table "([^"]+)"/.exec(err.detail ?? '')?.[1]
  if (missing) return `It refers to ${THINGS[missing] ?? missing.replace(/_/g, ' ')} that do not exist`
  return 'It is still used by something else: remove that first'
}
