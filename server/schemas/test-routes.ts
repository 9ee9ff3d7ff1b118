/** Bodies of the test-only routes under /api/_test (NUXT_TEST_ROUTES=1). */
import { z } from 'zod'
import { uuidParam } from '../utils/schemas'

export const ensureSshKeysBody = z.object({ account: z.string().min(1), public_keys: z.array(z.string()).min(1) })

export const testSshKeyBody = z.object({ user_id: z.string().uuid(), name: z.string().min(1).max(80), public_key: z.string().min(1).max(16384) })

export const zoneAssignmentBody = z.object({ account: z.string().min(1).max(40), domain: z.string().min(1).max(253), owner_id: z.string().uuid() })

export const reauthAgeBody = z.object({ seconds: z.number().int().min(0).max(86_400) })

export const tokenExpireBody = z.object({ id: uuidParam })

export const alertEmitBody = z.object({
  kind: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  user_ids: z.array(z.string().uuid()).default([]),
  admins: z.boolean().default(false),
  link: z.string().max(500).optional(),
  dedupe_key: z.string().max(200).optional(),
})

/** POST /api/_test/domains-expiry-check: the daily expiry check as if it ran at `at`. */
export const expiryCheckAtBody = z.object({ at: z.iso.datetime() }).strict()
export const billingRunBody = z.object({ now: z.iso.datetime({ offset: true }).optional(), customer_id: uuidParam.optional() }).strict()
