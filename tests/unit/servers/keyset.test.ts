import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { afterCursor, decodeCursor, encodeCursor } from '../../../server/services/servers/keyset'

const dialect = new PgDialect()
const text = (q: ReturnType<typeof afterCursor>) => dialect.sqlToQuery(q)

describe('keyset cursors', () => {
  it('round-trips the sort and its values', () => {
    const c = encodeCursor('-created_at', ['2026-01-01 00:00:00.123456+00', '6f1c…'])
    expect(decodeCursor(c, '-created_at', 2)).toEqual(['2026-01-01 00:00:00.123456+00', '6f1c…'])
  })

  it('refuses a forged cursor, a cursor of another sort or of another shape (400 invalid_cursor)', () => {
    const c = encodeCursor('name', ['a', 'b'])
    for (const bad of [() => decodeCursor('bm90LWEtY3Vyc29y', 'name', 2), () => decodeCursor(c, '-name', 2), () => decodeCursor(c, 'status', 3), () => decodeCursor('%%%', 'name', 2)]) {
      expect(bad).toThrow(expect.objectContaining({ statusCode: 400 }))
    }
  })

  it('one direction: a row comparison the sort index answers as a range', () => {
    const q = text(afterCursor([{ expr: sql`lower(name)`, desc: false }, { expr: sql`id`, desc: false, cast: 'uuid' }], ['web', 'x']))
    expect(q.sql).toBe('(lower(name), id) > ($1, $2::uuid)')
    expect(q.params).toEqual(['web', 'x'])
    expect(text(afterCursor([{ expr: sql`a`, desc: true }, { expr: sql`b`, desc: true }], ['1', '2'])).sql).toBe('(a, b) < ($1, $2)')
  })

  it('mixed directions: the expanded form, strictly after the cursor', () => {
    const q = text(afterCursor([{ expr: sql`status`, desc: true }, { expr: sql`lower(name)`, desc: false }, { expr: sql`id`, desc: false }], ['running', 'web', 'x']))
    expect(q.sql).toBe('(status < $1 or (status = $2 and lower(name) > $3) or (status = $4 and lower(name) = $5 and id > $6))')
    expect(q.params).toEqual(['running', 'running', 'web', 'running', 'web', 'x'])
  })
})
