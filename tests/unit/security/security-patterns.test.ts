import { describe, expect, it } from 'vitest'
import { securityPatternKey } from '../../../server/lib/security-patterns'

describe('securityPatternKey', () => {
  const patterns = ['/**', '/api/**', '/api/docs']
  it('names every plain or prefix pattern a path matches', () => {
    expect(securityPatternKey(patterns, '/api/auth/me')).toBe('/**\n/api/**')
    expect(securityPatternKey(patterns, '/api/servers/123')).toBe('/**\n/api/**')
    expect(securityPatternKey(patterns, '/api/docs')).toBe('/**\n/api/**\n/api/docs')
    expect(securityPatternKey(patterns, '/apix')).toBe('/**')
  })
  it('gives up on patterns it does not understand', () => {
    expect(securityPatternKey([...patterns, '/api/servers/:id'], '/api/auth/me')).toBeUndefined()
    expect(securityPatternKey([...patterns, '/api/*/x'], '/api/auth/me')).toBeUndefined()
  })
})
