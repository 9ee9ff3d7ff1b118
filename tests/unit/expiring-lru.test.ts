import { describe, expect, it } from 'vitest'
import { ExpiringLru } from '../../server/lib/expiring-lru'

describe('ExpiringLru', () => {
  it('answers an entry until its own expiry time, then forgets it', () => {
    const c = new ExpiringLru<string, number>(10)
    c.set('a', 1, 1_000)
    c.set('b', 2, 2_000)
    expect(c.get('a', 999)).toBe(1)
    expect(c.get('a', 1_000)).toBeUndefined()
    expect(c.size).toBe(1)
    expect(c.get('b', 1_999)).toBe(2)
  })

  it('holds at most max entries, dropping the least recently used first', () => {
    const c = new ExpiringLru<string, number>(2)
    c.set('a', 1, Infinity)
    c.set('b', 2, Infinity)
    expect(c.get('a')).toBe(1) // now b is the least recently used
    c.set('c', 3, Infinity)
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([1, undefined, 3])
    expect(c.size).toBe(2)
  })

  it('replaces an entry set again, and deletes by key or by value', () => {
    const c = new ExpiringLru<string, { user: string }>(10)
    c.set('s1', { user: 'u1' }, Infinity)
    c.set('s1', { user: 'u2' }, Infinity)
    expect(c.get('s1')).toEqual({ user: 'u2' })
    c.set('s2', { user: 'u2' }, Infinity)
    c.set('s3', { user: 'u3' }, Infinity)
    c.deleteWhere(v => v.user === 'u2')
    expect([c.get('s1'), c.get('s2'), c.get('s3')]).toEqual([undefined, undefined, { user: 'u3' }])
    c.delete('s3')
    expect(c.size).toBe(0)
  })
})
