/** Scalar's standalone script, bundled as a server asset (nuxt.config `serverAssets`), for /api/docs. */
export default defineEventHandler(async (event) => {
  const script = await useStorage('assets:api-docs').getItemRaw('standalone.js')
  if (!script) throw createError({ statusCode: 404, message: 'The API reference script is missing from this build' })
  setResponseHeader(event, 'Content-Type', 'text/javascript; charset=utf-8')
  setResponseHeader(event, 'Cache-Control', 'public, max-age=86400')
  return script
})
