import { audit } from '#server/services/audit'
import { deleteLogo } from '#server/services/brand'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const brand = await deleteLogo()
  await audit({ userId: admin.id, action: 'brand.logo_deleted' })
  return brand
})
