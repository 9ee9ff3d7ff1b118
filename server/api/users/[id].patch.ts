import { updateUser } from '../../services/users'
import { audit } from '../../services/audit'
import { userParams as Params, userPatchBody as Body } from '../../schemas/users'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, Params)
  const body = await validBody(event, Body)
  // An admin locking themselves out leaves nobody to undo it.
  if (id === admin.id && (body.disabled || body.role === 'customer')) throw httpError(400, 'You cannot disable or demote your own account', 'self_lockout')
  const user = await updateUser(id, body)
  await audit({ userId: admin.id, action: 'user.updated', target: user.email, details: { fields: Object.keys(body).filter(k => k !== 'password') } })
  return user
})
