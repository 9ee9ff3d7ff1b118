import { listUsers } from '#server/services/users'
import { userListQuery as Query } from '#server/schemas/users'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return listUsers(validQuery(event, Query))
})
