import { listUsers } from '../../services/users'
import { userListQuery as Query } from '../../schemas/users'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return listUsers(validQuery(event, Query))
})
