import { adminBillingProfileSchema, adminUpdateBillingProfile } from '#server/services/invoicing/settings'
import { idParams } from '#server/schemas/common'
import { audit } from '#server/services/audit'

/** Admins: a customer's billing profile and credit terms (provisioned before payment). */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const body = await validBody(event, adminBillingProfileSchema)
  const { profile, email } = await adminUpdateBillingProfile(id, body)
  await audit({ userId: admin.id, action: 'user.billing_updated', target: email, details: { fields: Object.keys(body) } })
  return profile
})
