/**
 * Control characters in input: PostgreSQL refuses NUL outright ("invalid byte sequence"), and
 * the others only make logs, audit entries and upstream calls misbehave. They are refused at
 * the edge, for every path segment, query value and body string, by one check.
 */

/* eslint-disable no-control-regex -- finding control characters is this file's job */
/** C0 controls and DEL. */
const ANY_CONTROL = /[\u0000-\u001F\u007F]/
/** The same, except tab, line feed and carriage return (multi-line text such as a BIND zone file). */
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export function hasControlChar(s: string, allowLineBreaks = false): boolean {
  return (allowLineBreaks ? CONTROL_EXCEPT_WHITESPACE : ANY_CONTROL).test(s)
}

/**
 * Where in `value` (an object, array or string from parsed input) a string with a control
 * character sits, as a dotted path ("records.0.name"), or null when there is none. Keys count
 * too: a key never needs a line break.
 */
export function findControlChar(value: unknown, allowLineBreaks = false, path = '', depth = 0): string | null {
  if (typeof value === 'string') return hasControlChar(value, allowLineBreaks) ? (path || 'value') : null
  if (depth > 64 || value === null || typeof value !== 'object') return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlChar(value[i], allowLineBreaks, path ? `${path}.${i}` : String(i), depth + 1)
      if (hit) return hit
    }
    return null
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${k}` : k
    if (hasControlChar(k)) return here.replace(/[\u0000-\u001F\u007F]/g, '?')
    const hit = findControlChar(v, allowLineBreaks, here, depth + 1)
    if (hit) return hit
  }
  return null
}
