import { describe, expect, it } from 'vitest'
import { findControlChar, hasControlChar } from '../../../server/lib/control-chars'
import { foreignKeyConflict } from '../../../server/lib/db-errors'
import { isJsonContentType } from '../../../server/lib/csrf'

describe('control characters', () => {
  it('finds NUL and other C0 controls and DEL, with where they are', () => {
    expect(findControlChar({ a: 'ok', b: ['x', { c: 'n\u0000ul' }] })).toBe('b.1.c')
    expect(findControlChar('bell\u0007')).toBe('value')
    expect(findControlChar({ d: 'del\u007F' })).toBe('d')
    expect(findControlChar({ ['k\u0000']: 'v' })).toBe('k?')
    expect(findControlChar({ n: 1, b: true, z: null, s: 'plain ünïcode ✓' })).toBeNull()
  })

  it('lets tab and line breaks through only where multi-line text is allowed', () => {
    const zone = '$ORIGIN example.org.\nwww\t300\tIN\tA\t192.0.2.1\r\n'
    expect(findControlChar({ zone_file: zone }, true)).toBeNull()
    expect(findControlChar({ zone_file: zone })).toBe('zone_file')
    expect(findControlChar({ zone_file: `${zone}\u0000` }, true)).toBe('zone_file')
    expect(hasControlChar('a\tb', true)).toBe(false)
    expect(hasControlChar('a\u000Bb', true)).toBe(true)
  })
})

describe('content types that count as JSON', () => {
  it('accepts application/json with parameters and +json, nothing else', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/merge-patch+json')).toBe(true)
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false)
    expect(isJsonContentType('text/plain')).toBe(false)
    expect(isJsonContentType('multipart/form-data; boundary=x')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })
})

describe('foreign-key conflicts', () => {
  it('names what still uses the row, however deep the driver error is wrapped', () => {
    const pg = { code: '23503', detail: 'Key (id)=(1) is still referenced from table "plans".' }
    expect(foreignKeyConflict({ message: 'Failed query', cause: pg })).toBe('It is still used by plans: remove or move those first')
    expect(foreignKeyConflict({ cause: { cause: { code: '23503', detail: 'Key (x)=(1) is still referenced from table "zone_assignments".' } } })).toContain('DNS zone assignments')
    expect(foreignKeyConflict({ code: '23505' })).toBeNull()
    expect(foreignKeyConflict(new Error('boom'))).toBeNull()
  })
})
