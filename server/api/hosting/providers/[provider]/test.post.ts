import { testAccount } from '#server/services/provider-accounts'

export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const { provider } = validParams(event, providerParam)
  return testAccount(provider)
})
