import { createUser, toPublicUser } from '#server/services/users'
import { audit } from '#server/services/audit'
import { userCreateBody as Body } from '#server/schemas/users'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, Body)
  const user = await createUser(body)
  await audit({ userId: admin.id, action: 'user.created', target: user.email, details: { role: user.role } })
  setResponseStatus(event, 201)
  return toPublicUser(user)
})
