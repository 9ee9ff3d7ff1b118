/**
 * A PostgreSQL database of a test file's own, beside the suite's: `override` when given, else
 * TEST_DATABASE_URL's (or, on the PGlite run, postgres://postgres@127.0.0.1:5432/test's) name with
 * `_<suffix>`. `recreate` drops and creates it empty; `drop` removes it. Both go through the same
 * server's maintenance database.
 */
import pg from 'pg'

export function ownDatabase(suffix: string, override?: string) {
  const url = override || (() => {
    const u = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test')
    u.pathname = `${u.pathname.replace(/^\//, '') || 'test'}_${suffix}`
    return u.toString()
  })()
  const name = new URL(url).pathname.slice(1)
  const adminUrl = (() => { const u = new URL(url); u.pathname = '/postgres'; return u.toString() })()
  async function onAdmin(sql: string) {
    const c = new pg.Client({ connectionString: adminUrl })
    await c.connect()
    try { await c.query(sql) }
    finally { await c.end() }
  }
  const drop = () => onAdmin(`drop database if exists "${name}" with (force)`)
  return { url, name, drop, recreate: async () => { await drop(); await onAdmin(`create database "${name}"`) } }
}
