export default defineEventHandler(async (event) => {
  await clearUserSession(event)
  return { status: 'signed_out' }
})
