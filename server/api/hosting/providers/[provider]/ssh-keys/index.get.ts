import { listProviderKeys } from '#server/services/ssh-keys/provider-keys'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return listProviderKeys(provider)
})
