import { getLogo } from '#server/services/brand'

/**
 * The logo's bytes. Its URL carries `v` (the image's hash), so a browser may keep it a long time;
 * without `v` it revalidates by ETag. The stored type was checked by magic number at upload.
 */
export default defineEventHandler(async (event) => {
  const logo = await getLogo()
  if (!logo) throw httpError(404, 'No logo has been uploaded', 'logo_not_found')
  setHeader(event, 'etag', logo.etag)
  setHeader(event, 'cache-control', getQuery(event).v ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate')
  setHeader(event, 'x-content-type-options', 'nosniff')
  if (getRequestHeader(event, 'if-none-match') === logo.etag) {
    setResponseStatus(event, 304)
    return null
  }
  setHeader(event, 'content-type', logo.mime)
  return logo.bytes
})
