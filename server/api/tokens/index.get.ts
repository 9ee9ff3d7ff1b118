import { listApiTokens } from '#server/services/api-tokens'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listApiTokens(user.id)
})
