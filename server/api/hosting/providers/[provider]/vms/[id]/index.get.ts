import { z } from 'zod'
import { getVm } from '../../../../../../services/servers/seed-vms'

const Params = providerParam.extend({ id: z.string().min(1).max(200) })

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  return getVm(provider, id, user)
})
