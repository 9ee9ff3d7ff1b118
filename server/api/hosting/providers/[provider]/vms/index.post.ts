import { createFromSeed } from '../../../../../services/servers/create-api'
import { seedCreateBody } from '../../../../../services/servers/schemas'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  const body = await validBody(event, seedCreateBody)
  const { statusCode, body: answer } = await createFromSeed(admin, provider, getHeader(event, 'idempotency-key'), body)
  setResponseStatus(event, statusCode)
  return answer
})
