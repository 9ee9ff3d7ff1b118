import { audit } from '#server/services/audit'
import { LOGO_MAX_BYTES, logoBody, saveLogo } from '#server/services/brand'

export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const body = await validBody(event, logoBody)
  const r = await saveLogo(body)
  if ('problem' in r) {
    if (r.problem === 'too_large') throw httpError(413, `The logo is larger than ${LOGO_MAX_BYTES / 1024} KB`, 'logo_too_large')
    throw httpError(415, 'The file is not the PNG, JPEG or WebP image it claims to be', 'logo_wrong_type')
  }
  await audit({ userId: admin.id, action: 'brand.logo_updated', details: { mime: body.mime } })
  return r.brand
})
