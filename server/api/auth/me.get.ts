import { toPublicUser } from '#server/services/users'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return { user: { ...toPublicUser(user), totpEnabled: !!user.totpEnabledAt, mustEnrollTotp: await mustEnrollTotp(user) } }
})
