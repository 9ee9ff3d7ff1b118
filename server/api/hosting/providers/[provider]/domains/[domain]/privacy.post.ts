import { accountForUser } from '#server/services/domains/access'
import { setPrivacy } from '#server/services/domains/portfolio'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, domain } = validParams(event, domainParams)
  const result = await setPrivacy(user, await accountForUser(user, provider), domain, true)
  await audit({ userId: user.id, action: 'domain.privacy_enabled', target: `${provider}/${domain}` })
  return result
})
