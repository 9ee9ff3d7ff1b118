import { z } from 'zod'
import { reinstallBody, resizeBody, seedVmAction } from '../../../../../../services/servers/schemas'
import { vmAction } from '../../../../../../services/servers/seed-vms'

const Params = providerParam.extend({ id: z.string().min(1).max(200), action: seedVmAction })

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id, action } = validParams(event, Params)
  if (action === 'resize') await requireAdmin(event)
  const body = action === 'resize'
    ? await validBody(event, resizeBody)
    : action === 'reinstall' ? await validBody(event, reinstallBody) : undefined
  return vmAction(provider, id, action, body, user)
})
