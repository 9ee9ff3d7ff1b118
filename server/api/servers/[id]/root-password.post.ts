import { revealRootPassword } from '../../../services/servers/actions'
import { targetById } from '../../../services/servers/target'
import { serverParams as Params } from '../../../schemas/servers'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const creds = await revealRootPassword(await targetById(id, user), user)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return creds
})
