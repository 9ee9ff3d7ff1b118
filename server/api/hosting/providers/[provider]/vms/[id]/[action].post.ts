import { reinstallBody, resizeBody } from '#server/services/servers/schemas'
import { vmAction } from '#server/services/servers/seed-vms'
import { vmActionParams as Params } from '#server/schemas/hosting'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id, action } = validParams(event, Params)
  if (action === 'resize') await requireAdmin(event)
  const body = action === 'resize'
    ? await validBody(event, resizeBody)
    : action === 'reinstall' ? await validBody(event, reinstallBody) : undefined
  return vmAction(provider, id, action, body, user)
})
