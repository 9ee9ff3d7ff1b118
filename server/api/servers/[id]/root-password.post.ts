import { revealRootPassword } from '#server/services/servers/actions'
import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  // A root password is a secret: the password typed in this session within 5 minutes (or a write token).
  await requireRecentAuth(event)
  const creds = await revealRootPassword(await targetById(id, user), user)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return creds
})
