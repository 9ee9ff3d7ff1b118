/** The inventory list's query string: filters, sort and paging (pure; unit-tested). */
import { z } from 'zod'
import { PROVIDER_TYPES } from '#server/providers/registry'
import { SERVER_STATUSES } from '#server/providers/types'

export const SORT_KEYS = ['name', 'status', 'created_at', 'provider'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export const MAX_PER_PAGE = 100

const SORT_VALUES = SORT_KEYS.flatMap(k => [k, `-${k}`]) as [string, ...string[]]
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `status=running,stopped` or `status=running&status=stopped` both mean either. */
function listOf<T extends string>(allowed: readonly T[], what: string) {
  return z.union([z.string(), z.array(z.string())])
    .transform(v => (Array.isArray(v) ? v : [v]).flatMap(s => s.split(',')).map(s => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(allowed as [T, ...T[]], { error: `${what} must be one of ${allowed.join(', ')}` })))
    .optional()
}

const intIn = (min: number, max: number, def: number, what: string) =>
  z.union([z.string(), z.number()]).optional()
    .transform(v => (v === undefined || v === '' ? def : Number(v)))
    .pipe(z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`))

export const listQuerySchema = z.object({
  provider: listOf(PROVIDER_TYPES, 'provider'),
  account: z.string().trim().min(1).max(40).optional(),
  status: listOf(SERVER_STATUSES, 'status'),
  owner: z.string().trim().refine(v => v === 'none' || UUID_RE.test(v), 'owner must be a user id or "none"').optional(),
  /**
   * Servers deleted upstream (gone) are kept for the record but are not the inventory: left out
   * unless `deleted=true`, which lists only them.
   */
  deleted: z.enum(['true', 'false'], { error: 'deleted must be true or false' }).optional().transform(v => v === 'true'),
  q: z.string().trim().max(200).optional().transform(v => v || undefined),
  sort: z.enum(SORT_VALUES, { error: `sort must be one of ${SORT_VALUES.join(', ')}` }).default('name'),
  page: intIn(1, 100_000, 1, 'page'),
  per_page: intIn(1, MAX_PER_PAGE, 25, 'per_page'),
  /** Keyset paging: the previous answer's `next_cursor` (then `page` is not used). */
  cursor: z.string().trim().max(2000).optional().transform(v => v || undefined),
})
export type ListQuery = z.output<typeof listQuerySchema>

export function parseSort(sort: string): { key: SortKey, desc: boolean } {
  const desc = sort.startsWith('-')
  return { key: (desc ? sort.slice(1) : sort) as SortKey, desc }
}

/** `q` as an ILIKE pattern that matches the text literally (no wildcards from the user). */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, ch => `\\${ch}`)}%`
}
