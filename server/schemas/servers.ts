/** /api/servers and /api/admin/servers: the inventory across accounts. */
import { z } from 'zod'
import { uuidParam } from '../utils/schemas'
import { actionParam } from '../services/servers/schemas'

export const serverParams = z.object({ id: uuidParam })

export const serverActionParams = z.object({ id: uuidParam, action: actionParam })

export const serverViewQuery = z.object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() })

export const serverPatchBody = z.object({
  owner_id: uuidParam.nullable().optional(),
  admin_locked: z.boolean().optional(),
  lock_reason: z.string().max(200).nullable().optional(),
}).strict().refine(b => Object.keys(b).length > 0, 'Give owner_id, admin_locked or lock_reason')

export const syncBody = z.object({ account: z.string().trim().min(1).max(40).optional(), wait: z.boolean().optional() }).strict()

export const suspendBody = z.object({ reason: z.string().trim().min(3, 'Give the customer a reason').max(300) }).strict()
