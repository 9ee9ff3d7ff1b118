/** Test-only (NUXT_TEST_ROUTES=1): raise any alert kind, so every kind's channels can be checked. */
import { alertEmitBody } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'
import { emitAlert } from '#server/services/notifications'
import { isAlertKind } from '#shared/alerts/kinds'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const body = await validBody(event, alertEmitBody)
  if (!isAlertKind(body.kind)) throw httpError(400, `No alert kind "${body.kind}"`, 'invalid_input')
  const sent = await emitAlert({ kind: body.kind, params: body.params, link: body.link, to: { users: body.user_ids, admins: body.admins }, dedupeKey: body.dedupe_key })
  return { in_app: sent.inApp, external: sent.external }
})
