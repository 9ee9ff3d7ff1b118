import { createFromWizard } from '#server/services/servers/create-api'
import { createBody } from '#server/services/servers/schemas'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, createBody)
  const { statusCode, intentId, body: answer } = await createFromWizard(admin, getHeader(event, 'idempotency-key'), body)
  setResponseHeader(event, 'Intent-Id', intentId)
  setResponseStatus(event, statusCode)
  return answer
})
