import { z } from 'zod'
import { deleteProviderKey } from '../../../../../services/ssh-keys/provider-keys'
import { audit } from '../../../../../services/audit'

const Params = providerParam.extend({ id: z.string().trim().min(1).max(100) })

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { provider, id } = validParams(event, Params)
  const result = await deleteProviderKey(provider, id)
  await audit({ userId: admin.id, action: 'provider.ssh_key_deleted', target: provider, details: { id } })
  return result
})
