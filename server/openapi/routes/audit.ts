import { z } from 'zod'
import { auditQuerySchema } from '#server/services/audit-log'
import { defineRoutes } from '../define'

const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  details: z.record(z.string(), z.unknown()).nullable(),
})

export default defineRoutes('Audit log', 'Who did what, from where, with which result (administrators)', [
  {
    method: 'get', path: '/api/audit', access: 'admin', summary: 'Audit log entries, newest first',
    description: '`actor` matches an email, a name or a user id; `action` is a prefix (`auth` finds sign-ins and sign-outs); `target` a substring; `from`/`to` dates or times.',
    query: auditQuerySchema,
    answers: { 200: { description: 'One page of entries', schema: z.object({ items: z.array(auditEntry), page: z.number().int(), page_size: z.number().int(), total: z.number().int() }) } },
  },
])
