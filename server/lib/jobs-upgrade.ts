/**
 * pg-boss 12 migrates its schema only from version 25 on; pg-boss 10 (this app before Node 24)
 * left version 24. Its tables only hold queued work, so instead of a detour through pg-boss 11
 * the old schema is set aside, pg-boss 12 installs a fresh one, the jobs still waiting are sent
 * again (handlers are safe to repeat), and the old schema is dropped.
 */
type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>
type Send = (name: string, data: object, options: { singletonKey?: string }) => Promise<string | null>

/** The oldest pg-boss schema version pg-boss 12 migrates from. */
const OLDEST_MIGRATABLE = 25

/** Renames a too-old `pgboss` schema out of the way; answers its new name, or null when there is none. */
export async function adoptOldSchema(executeSql: ExecuteSql): Promise<string | null> {
  const { rows: [found] } = await executeSql(`select to_regclass('pgboss.version') is not null as present`)
  if (!found?.present) return null
  const { rows: [row] } = await executeSql('select version from pgboss.version')
  const version = Number(row?.version)
  if (!(version < OLDEST_MIGRATABLE)) return null
  const aside = `pgboss_v${version}_retired`
  await executeSql(`alter schema pgboss rename to ${aside}`)
  console.info(`[jobs] pg-boss schema version ${version} is older than pg-boss 12 migrates from; moved it to ${aside} to re-send its waiting jobs`)
  return aside
}

/** Sends the old schema's waiting jobs to the new queues, then drops the old schema. */
export async function resendOldJobs(executeSql: ExecuteSql, schema: string, send: Send) {
  const { rows } = await executeSql(
    `select name, data, singleton_key from ${schema}.job where state in ('created', 'retry', 'active') and name not like '\\_\\_pgboss%'`,
  )
  let sent = 0
  for (const job of rows) {
    if (await send(job.name, job.data ?? {}, job.singleton_key ? { singletonKey: job.singleton_key } : {})) sent++
  }
  await executeSql(`drop schema ${schema} cascade`)
  console.info(`[jobs] re-sent ${sent} waiting job(s) from pg-boss 10 and dropped ${schema}`)
}
