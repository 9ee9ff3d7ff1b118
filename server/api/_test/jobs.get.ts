/** Test-only (NUXT_TEST_ROUTES=1): the pg-boss queues, to prove background work runs on this database. */
import { useBoss } from '#server/lib/jobs'
import { env } from '#server/lib/config'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const boss = await useBoss()
  const queues = await boss.getQueues()
  return { queues: queues.map(q => q.name) }
})
