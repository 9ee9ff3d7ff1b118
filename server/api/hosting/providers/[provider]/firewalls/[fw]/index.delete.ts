import { deleteFirewall } from '#server/services/firewalls/account'
import { firewallParams as Params } from '#server/schemas/console-firewall'

export default defineEventHandler(async (event) => {
  const user = await requireAdmin(event)
  const { provider, fw } = validParams(event, Params)
  return deleteFirewall(provider, fw, user)
})
