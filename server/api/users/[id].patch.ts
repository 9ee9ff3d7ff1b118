import { getUser, toPublicUser, updateUser } from '#server/services/users'
import { audit, changedKeys } from '#server/services/audit'
import { userParams as Params, userPatchBody as Body } from '#server/schemas/users'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, Body)
  // An admin locking themselves out leaves nobody to undo it.
  if (id === admin.id && (body.disabled || body.role === 'customer')) throw httpError(400, 'You cannot disable or demote your own account', 'self_lockout')
  const old = await getUser(id)
  const user = await updateUser(id, body)
  // Only what really changed is recorded (a new password always counts; its value never does).
  const fields = old ? changedKeys(toPublicUser(old), user, ['email', 'name', 'role', 'disabled']) : Object.keys(body)
  if (body.password !== undefined) fields.push('password')
  if (fields.length) await audit({ userId: admin.id, action: 'user.updated', target: user.email, details: { fields } })
  return user
})
