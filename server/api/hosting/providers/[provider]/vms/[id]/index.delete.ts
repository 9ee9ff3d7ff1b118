import { z } from 'zod'
import { deleteQuery } from '../../../../../../services/servers/schemas'
import { deleteVm } from '../../../../../../services/servers/seed-vms'

const Params = providerParam.extend({ id: z.string().min(1).max(200) })

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, id } = validParams(event, Params)
  const { delay } = validQuery(event, deleteQuery)
  return deleteVm(provider, id, delay, admin)
})
