import { getFirewall } from '#server/services/firewalls/account'
import { firewallParams as Params } from '#server/schemas/console-firewall'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider, fw } = validParams(event, Params)
  return { items: (await getFirewall(provider, fw)).rules }
})
