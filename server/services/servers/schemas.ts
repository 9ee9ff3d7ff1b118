/** Request bodies shared by /api/servers and the seed's per-account routes. */
import { z } from 'zod'
import { SERVER_ACTIONS } from './rules'

export const MAX_DELETE_DELAY = 43_800

export const sshKeysSchema = z.array(z.object({
  name: z.string().trim().max(100).default(''),
  public_key: z.string().min(1, 'Paste a public key').max(16_384),
}).strict()).max(10, 'At most 10 SSH keys')

export const hostnameSchema = z.string().trim().min(1, 'Hostname is required').max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i, 'Hostname must be letters, digits, hyphens and dots (e.g. web-1.example.com)')

export const actionParam = z.enum(SERVER_ACTIONS, { error: `action must be one of ${SERVER_ACTIONS.join(', ')}` })

export const resizeBody = z.object({ plan: z.string().trim().min(1).max(200), resize_disk: z.boolean().optional() }).strict()

export const reinstallBody = z.object({
  template: z.string().trim().min(1, 'template is required').max(200),
  ssh_keys: sshKeysSchema.optional(),
  password: z.string().min(8).max(200).optional(),
  hostname: hostnameSchema.optional(),
  dry_run: z.boolean().optional(),
}).strict()

export const deleteQuery = z.object({
  delay: z.string().regex(/^\d+$/, 'delay must be a whole number of minutes').transform(Number)
    .pipe(z.number().max(MAX_DELETE_DELAY, `delay must be between 0 and ${MAX_DELETE_DELAY} minutes`)).optional(),
})

/** Ids arrive as strings or numbers (Hostinger's data centers are numbers). */
const idLike = z.union([z.string(), z.number()]).transform(v => String(v).trim()).pipe(z.string().min(1).max(200))

export const createBody = z.object({
  account: z.string().trim().min(1, 'account is required').max(40),
  plan: idLike,
  data_center_id: idLike.optional(),
  template: idLike,
  hostname: hostnameSchema,
  password: z.string().min(8).max(200).optional(),
  ssh_keys: sshKeysSchema.optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  owner_id: z.string().uuid('owner_id must be a user id').nullable().optional(),
  idempotency_key: z.string().max(200).optional(),
}).strict()

/** The seed's body for POST /api/hosting/providers/{provider}/vms. */
export const seedCreateBody = z.object({
  plan: idLike,
  data_center_id: idLike.optional(),
  template: idLike.optional(),
  password: z.string().min(8).max(200).optional(),
  hostname: hostnameSchema,
  ssh_key_id: idLike.optional(),
  payment_method_id: idLike.optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  idempotency_key: z.string().max(200).optional(),
}).strict()

export const seedVmAction = z.enum(['start', 'stop', 'restart', 'suspend', 'unsuspend', 'resize', 'reinstall'], {
  error: 'action must be one of start, stop, restart, suspend, unsuspend, resize, reinstall',
})
