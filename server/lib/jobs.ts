/**
 * Background work on pg-boss, over the same database as everything else (PGlite or PostgreSQL),
 * so several app instances share one queue.
 *
 * Jobs register with `defineJob(name, handler, { schedule })` at import time (server/jobs/*.ts,
 * loaded by the jobs plugin); `enqueue(name, data, { singletonKey })` sends one. A handler that
 * throws is retried by pg-boss with backoff (`retryLimit`), so handlers must be safe to repeat.
 */
import { PgBoss } from 'pg-boss'
import type { Job, SendOptions } from 'pg-boss'
import { useDbHandle } from '../db/client'
import { adoptOldSchema, resendOldJobs } from './jobs-upgrade'
import { env } from './config'
import { withLock } from './locks'

export interface JobOptions {
  /** Cron, e.g. every 5 minutes: '*\/5 * * * *'. */
  schedule?: string
  retryLimit?: number
  retryDelay?: number
  pollingIntervalSeconds?: number
  batchSize?: number
}

type Handler<T> = (data: T, job: Job<T>) => Promise<unknown>
const registry = new Map<string, { handler: Handler<any>, options: JobOptions }>()
let started: Promise<PgBoss> | undefined

export function defineJob<T extends object = Record<string, unknown>>(name: string, handler: Handler<T>, options: JobOptions = {}) {
  registry.set(name, { handler, options })
  return name
}

async function start(): Promise<PgBoss> {
  const { executeSql, kind } = await useDbHandle()
  const boss = new PgBoss({ db: { executeSql }, schema: 'pgboss', backend: kind === 'pglite' ? 'pglite' : 'postgres' })
  boss.on('error', err => console.error('[jobs]', err.message))
  // Instances starting together on one database would race to create pg-boss's schema and
  // queues (a duplicate-key error on CREATE SCHEMA): they take turns, as with migrations.
  const oldSchema = await withLock('pgboss-install', async () => {
    const old = await adoptOldSchema(executeSql)
    await boss.start()
    for (const [name, { options }] of registry) {
      await boss.createQueue(name, { retryLimit: options.retryLimit ?? 3, retryDelay: options.retryDelay ?? 5, retryBackoff: true })
    }
    return old
  })
  for (const [name, { handler, options }] of registry) {
    const workOptions = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? env().JOBS_POLL_SECONDS, batchSize: options.batchSize ?? 1 }
    await boss.work<any>(name, workOptions, async (jobs) => {
      for (const job of jobs) await handler(job.data, job)
    })
    if (options.schedule) await boss.schedule(name, options.schedule, {}, { tz: 'UTC' })
  }
  if (oldSchema) await resendOldJobs(executeSql, oldSchema, (name, data, opts) => registry.has(name) ? boss.send(name, data, opts) : Promise.resolve(null))
  console.info(`[jobs] pg-boss started with ${registry.size} queue(s)`)
  return boss
}

export function useBoss(): Promise<PgBoss> {
  if (!started) {
    started = start()
    // The jobs plugin stops the process when the first start fails; later callers may try again.
    started.catch(() => { started = undefined })
  }
  return started
}

export async function enqueue<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
  const boss = await useBoss()
  return boss.send(name, data, options)
}

export async function stopJobs() {
  if (!started) return
  const boss = await started.catch(() => undefined)
  started = undefined
  await boss?.stop({ graceful: true, timeout: 5000 })
}
