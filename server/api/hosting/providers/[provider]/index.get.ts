import { publicAccount, requireAccount } from '#server/services/provider-accounts'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return publicAccount(await requireAccount(provider))
})
