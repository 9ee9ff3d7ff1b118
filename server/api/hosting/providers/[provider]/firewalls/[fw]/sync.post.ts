import { firewallOnVm } from '#server/services/firewalls/account'
import { firewallParams as Params, firewallVmBody as Body } from '#server/schemas/console-firewall'

export default defineEventHandler(async (event) => {
  const user = await requireAdmin(event)
  const { provider, fw } = validParams(event, Params)
  const { vm } = await validBody(event, Body)
  return firewallOnVm(provider, fw, vm, 'sync', user)
})
