import { auditQuerySchema, listAudit } from '#server/services/audit-log'

/** GET /api/audit?actor=&action=&target=&result=&from=&to=&page= — administrators only. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const q = validQuery(event, auditQuerySchema)
  setResponseHeader(event, 'Cache-Control', 'no-store')
  return listAudit(q)
})
