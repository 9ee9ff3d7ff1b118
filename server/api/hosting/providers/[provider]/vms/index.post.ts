import { createFromSeed } from '#server/services/servers/create-api'
import { seedCreateBody } from '#server/services/servers/schemas'

/** Seed: creates a VM. `Idempotency-Key` is optional (see README "Exactly-once"); the intent id comes back in `Intent-Id`. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const body = await validBody(event, seedCreateBody)
  const { statusCode, intentId, body: answer } = await createFromSeed(admin, provider, getHeader(event, 'idempotency-key'), body)
  setResponseHeader(event, 'Intent-Id', intentId)
  setResponseStatus(event, statusCode)
  return answer
})
