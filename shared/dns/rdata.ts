/**
 * The structured contents: SRV and CAA. Both keep everything except the priority in `content`
 * (the priority of SRV, like MX, is the record's `priority` field, as in the API seed):
 *
 *   SRV content: "<weight> <port> <target>"      e.g. "5 5060 sip.example.com"
 *   CAA content: "<flags> <tag> \"<value>\""     e.g. "0 issue \"letsencrypt.org\""
 */
import { checkTarget, normalizeTarget } from './names'
import { decodeEscapes, quoteForContent } from './txt'

export const CAA_TAGS = ['issue', 'issuewild', 'iodef'] as const
export type CaaTag = (typeof CAA_TAGS)[number]

/** A whole number from min to max, written in plain digits (no sign, exponent or decimals). */
export function parseIntInRange(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'string' && /^[0-9]+$/.test(value.trim()) ? Number(value.trim()) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : null
}

export interface SrvContent { weight: number, port: number, target: string }

export function parseSrvContent(content: string): SrvContent | { error: string } {
  const parts = content.trim().split(/\s+/)
  if (content.trim() === '') return { error: 'SRV content is required: "weight port target", like "5 5060 sip.example.com"' }
  if (parts.length === 4 && parts.slice(0, 3).every(p => /^[0-9]+$/.test(p))) {
    return { error: 'SRV content is "weight port target": put the first number (the priority) in the priority field' }
  }
  if (parts.length !== 3) return { error: 'SRV content must be "weight port target", like "5 5060 sip.example.com"' }
  const weight = parseIntInRange(parts[0], 0, 65535)
  if (weight === null) return { error: 'SRV weight must be a whole number from 0 to 65535' }
  const port = parseIntInRange(parts[1], 0, 65535)
  if (port === null) return { error: 'SRV port must be a whole number from 0 to 65535' }
  const problem = checkTarget(parts[2], { what: 'SRV target', allowRoot: true, allowAt: true })
  if (problem) return { error: problem }
  return { weight, port, target: parts[2] }
}

export function canonicalSrv(content: string, zone?: string): string | null {
  const p = parseSrvContent(content)
  return 'error' in p ? null : `${p.weight} ${p.port} ${normalizeTarget(p.target, zone)}`
}

export interface CaaContent { flags: number, tag: CaaTag, value: string, valueBytes: Uint8Array }

const CAA_PARAM = /^[a-z0-9]+=[\x21-\x3a\x3c-\x7e]*$/i

function caaValueProblem(tag: CaaTag, value: string): string | null {
  if (tag === 'iodef') {
    if (/^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/i.test(value) || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value)) return null
    return 'CAA iodef value must be a mailto: or http(s):// address where CAs report problems, like "mailto:security@example.com"'
  }
  // issue / issuewild: "ca.example.net[; key=value]*", or empty (";" or "") to allow no CA at all.
  const [domain, ...params] = value.split(';')
  if (domain.trim() !== '') {
    const problem = checkTarget(domain.trim(), { what: `CAA ${tag} value` })
    if (problem) return `${problem} (the certificate authority's domain, like "letsencrypt.org")`
  }
  for (const param of params) {
    if (param.trim() === '' && params.length === 1) continue
    if (!CAA_PARAM.test(param.trim())) return `CAA ${tag} parameter "${param.trim()}" must look like key=value`
  }
  return null
}

export function parseCaaContent(content: string): CaaContent | { error: string } {
  const m = /^\s*(\S+)\s+(\S+)\s+([\s\S]*?)\s*$/.exec(content)
  if (!m) return { error: 'CAA content must be "flags tag \\"value\\"", like 0 issue "letsencrypt.org"' }
  const flags = parseIntInRange(m[1], 0, 255)
  if (flags === null) return { error: 'CAA flags must be a whole number from 0 to 255 (usually 0; 128 marks the record critical)' }
  const tag = m[2].toLowerCase()
  if (!(CAA_TAGS as readonly string[]).includes(tag)) {
    return { error: `CAA tag "${m[2]}" is not supported: use issue, issuewild or iodef` }
  }
  const quoted = m[3]
  if (!/^"(?:[^"\\]|\\[\s\S])*"$/.test(quoted)) {
    return { error: `CAA value must be one string in double quotes, like 0 ${tag} "letsencrypt.org"` }
  }
  const decoded = decodeEscapes(quoted.slice(1, -1))
  if ('error' in decoded) return { error: `CAA value: ${decoded.error}` }
  const value = new TextDecoder().decode(decoded.bytes)
  const problem = caaValueProblem(tag as CaaTag, value)
  if (problem) return { error: problem }
  return { flags, tag: tag as CaaTag, value, valueBytes: decoded.bytes }
}

export function canonicalCaa(content: string): string | null {
  const p = parseCaaContent(content)
  return 'error' in p ? null : `${p.flags} ${p.tag} ${quoteForContent(p.valueBytes)}`
}
