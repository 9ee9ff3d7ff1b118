import { audit } from '#server/services/audit'
import { brandBody, contrastProblems, saveBrand } from '#server/services/brand'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, brandBody)
  const failing = contrastProblems(body)
  if (failing.length) {
    throw httpError(400, 'White text does not read on this colour (it needs 4.5:1): choose a darker one', 'brand_contrast', { fields: failing })
  }
  const { brand, changed } = await saveBrand(body)
  if (changed.length) await audit({ userId: admin.id, action: 'brand.updated', details: { changed } })
  return brand
})
