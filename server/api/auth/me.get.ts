import { toPublicUser } from '#server/services/users'
import type { CurrentUser } from '#shared/schemas/users'

export default defineEventHandler(async (event): Promise<{ user: CurrentUser }> => {
  const user = await requireUser(event)
  const impersonator = event.context.impersonator ?? null
  return { user: { ...toPublicUser(user), totp_enabled: !!user.totpEnabledAt, must_enroll_totp: await mustEnrollTotp(user), impersonator } }
})
