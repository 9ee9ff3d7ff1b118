import { describe, expect, it } from 'vitest'
import { likePattern, listQuerySchema, parseSort } from '../../../server/services/servers/filters'
import { canonicalJson, requestHash } from '../../../server/services/exactly-once/keys'

const parse = (q: Record<string, unknown>) => listQuerySchema.safeParse(q)

describe('list query', () => {
  it('defaults to the first page of 25 by name, without the deleted servers', () => {
    expect(parse({}).data).toEqual({ sort: 'name', page: 1, per_page: 25, deleted: false })
  })

  it('lists only the deleted servers with deleted=true', () => {
    expect(parse({ deleted: 'true' }).data?.deleted).toBe(true)
    expect(parse({ deleted: 'false' }).data?.deleted).toBe(false)
    expect(parse({ deleted: 'yes' }).error?.issues[0]?.message).toBe('deleted must be true or false')
  })

  it('reads lists, numbers and sort keys', () => {
    const r = parse({ provider: 'virtua,hostinger', status: ['running', 'stopped'], page: '3', per_page: '100', sort: '-created_at', q: '  web  ', owner: 'none' })
    expect(r.success).toBe(true)
    expect(r.data).toMatchObject({ provider: ['virtua', 'hostinger'], status: ['running', 'stopped'], page: 3, per_page: 100, sort: '-created_at', q: 'web', owner: 'none' })
    expect(parse({ q: '   ' }).data?.q).toBeUndefined()
    expect(parse({ owner: '7b8f7c2e-3f0a-4c55-9a4c-1f2d3e4a5b6c' }).success).toBe(true)
  })

  it('refuses what it does not know', () => {
    for (const q of [{ per_page: '101' }, { per_page: '0' }, { page: '1.5' }, { page: 'x' }, { sort: 'size' }, { status: 'melting' }, { provider: 'aws' }, { owner: 'bob' }, { q: 'x'.repeat(201) }]) {
      expect(parse(q).success, JSON.stringify(q)).toBe(false)
    }
    expect(parse({ status: 'melting' }).error?.issues[0]?.message).toMatch(/status must be one of/)
  })

  it('splits sort keys and escapes LIKE wildcards', () => {
    expect(parseSort('-name')).toEqual({ key: 'name', desc: true })
    expect(parseSort('provider')).toEqual({ key: 'provider', desc: false })
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%')
  })
})

describe('request hashing', () => {
  it('ignores key order and undefined, not values', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: undefined, w: null }] })).toBe('{"a":[{"w":null,"y":2}],"b":1}')
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }))
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }))
  })
})
