import { domainAccountAt } from '#server/services/domains/access'
import { setPrivacy } from '#server/services/domains/portfolio'
import { audit } from '#server/services/audit'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const at = validParams(event, domainAddress)
  const account = await domainAccountAt(user, at)
  const result = await setPrivacy(user, account, at.domain, false)
  await audit({ userId: user.id, action: 'domain.privacy_disabled', target: `${account.slug}/${at.domain}` })
  return result
})
