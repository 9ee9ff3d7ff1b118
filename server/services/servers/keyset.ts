/**
 * Keyset paging for the inventory list: `next_cursor` names the last row's sort values, and the
 * next page starts strictly after them, walking the sort index instead of counting past an
 * OFFSET. Pure (the SQL is built from column expressions given by the caller); unit-tested.
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm'
import { httpError } from '#server/lib/http-errors'

export interface KeyColumn {
  /** The ORDER BY expression. */
  expr: SQL
  desc: boolean
  /** A cast for the cursor's value (uuid, timestamptz), so it compares as the column does. */
  cast?: 'uuid' | 'timestamptz'
}

type CursorValue = string
interface Cursor { sort: string, values: CursorValue[] }

export function encodeCursor(sort: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([sort, ...values]), 'utf8').toString('base64url')
}

/** The cursor's values for `sort`, or 400 when it is malformed or was made for another sort. */
export function decodeCursor(cursor: string, sort: string, arity: number): CursorValue[] {
  let parsed: Cursor | undefined
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(raw) && raw.length === arity + 1 && raw.every(v => typeof v === 'string')) parsed = { sort: raw[0], values: raw.slice(1) }
  }
  catch { /* reported below */ }
  if (!parsed) throw httpError(400, 'cursor is not one this list gave out: use next_cursor from the previous page', 'invalid_cursor')
  if (parsed.sort !== sort) throw httpError(400, `cursor belongs to sort "${parsed.sort}", not "${sort}": keep the sort while paging, or start again without a cursor`, 'invalid_cursor')
  return parsed.values
}

const param = (v: string, c: KeyColumn) => (c.cast === 'uuid' ? sql`${v}::uuid` : c.cast === 'timestamptz' ? sql`${v}::timestamptz` : sql`${v}`)

/**
 * Rows strictly after `values` in the order of `cols`. One direction throughout: a row
 * comparison, which the matching index answers as a range. Mixed directions: the expanded form
 * (a > x) or (a = x and b < y) or …
 */
export function afterCursor(cols: KeyColumn[], values: CursorValue[]): SQL {
  if (cols.every(c => c.desc === cols[0]!.desc)) {
    const left = sql.join(cols.map(c => c.expr), sql`, `)
    const right = sql.join(cols.map((c, i) => param(values[i]!, c)), sql`, `)
    return cols[0]!.desc ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`
  }
  const branches = cols.map((c, i) => and(
    ...cols.slice(0, i).map((p, j) => eq(p.expr, param(values[j]!, p))),
    c.desc ? sql`${c.expr} < ${param(values[i]!, c)}` : sql`${c.expr} > ${param(values[i]!, c)}`,
  )!)
  return or(...branches)!
}
