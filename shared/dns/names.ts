/**
 * Domain-name syntax and the conversions between our relative record names ("www", "@") and
 * fully-qualified names. Names are compared lower-cased and without the trailing dot.
 */

export const MAX_NAME_LENGTH = 253
export const MAX_LABEL_LENGTH = 63

/** Letters, digits, hyphens; never a hyphen at either end (RFC 952/1123 host names). */
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i
/**
 * Owner names and CNAME targets may also use underscores: _dmarc, selector._domainkey, _sip._tcp
 * and DKIM/ACME delegations all need them.
 */
const DNS_LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/i

/** "Example.COM." → "example.com". The zone itself is always absolute. */
export function normalizeZone(zone: string): string {
  return zone.trim().toLowerCase().replace(/\.$/, '')
}

/** Record name (relative, "@" for the apex) → fully-qualified name without the trailing dot. */
export function toFqdn(name: string, zone: string): string {
  const z = normalizeZone(zone)
  const n = name.trim().toLowerCase()
  return n === '@' || n === '' ? z : `${n}.${z}`
}

/** Fully-qualified name → record name relative to the zone, or null when it lies outside. */
export function toRelativeName(fqdn: string, zone: string): string | null {
  const z = normalizeZone(zone)
  const n = fqdn.trim().toLowerCase().replace(/\.$/, '')
  if (n === z) return '@'
  if (n.endsWith(`.${z}`)) return n.slice(0, -(z.length + 1))
  return null
}

/**
 * Canonical record name: lower-cased, "" → "@", and an absolute name inside the zone
 * ("www.example.com.") rewritten relative, so records typed either way compare equal.
 */
export function normalizeName(name: string, zone?: string): string {
  const n = name.trim().toLowerCase()
  if (n === '' || n === '@') return '@'
  if (zone && n.endsWith('.')) return toRelativeName(n, zone) ?? n
  return n
}

/**
 * Canonical target (CNAME/NS/MX/SRV content): lower-cased, no trailing dot, "@" → the zone.
 * "." (the root, used by null MX and "no service" SRV) stays ".".
 */
export function normalizeTarget(target: string, zone?: string): string {
  const t = target.trim().toLowerCase()
  if (t === '.') return '.'
  if (t === '@') return zone ? normalizeZone(zone) : '@'
  return t.replace(/\.$/, '')
}

function labelProblem(label: string, allowUnderscore: boolean, what: string, hostReason = 'because it names a host'): string | null {
  if (label.length === 0) return `${what} has an empty label (two dots in a row, or a dot at the start)`
  if (label.length > MAX_LABEL_LENGTH) return `${what}: each part between dots must be at most ${MAX_LABEL_LENGTH} characters ("${label.slice(0, 20)}…" is ${label.length})`
  if ((allowUnderscore ? DNS_LABEL : HOST_LABEL).test(label)) return null
  if (label.startsWith('-') || label.endsWith('-')) return `${what}: "${label}" can't start or end with a hyphen`
  if (!allowUnderscore && label.includes('_')) return `${what}: "${label}" can't contain an underscore (_), ${hostReason}`
  return `${what}: "${label}" may only contain letters, digits and hyphens${allowUnderscore ? ' (and underscores)' : ''}`
}

function nonAscii(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(value)
}

export interface TargetOptions {
  /** What the message calls the value, e.g. "MX mail server". */
  what: string
  /** Allow "@" (the zone apex). */
  allowAt?: boolean
  /** Allow "." (the root: null MX, "service not available" SRV). */
  allowRoot?: boolean
  /** Allow underscores (CNAME targets, which need not be hosts). */
  allowUnderscore?: boolean
}

/**
 * Checks a target host name (CNAME/NS/MX/SRV content). Targets are absolute: "mail.example.com"
 * and "mail.example.com." mean the same host. A single label ("mail") is refused because it is
 * almost always a relative name typed by mistake, and it would point at a top-level domain.
 * Returns the message for the first problem, or null.
 */
export function checkTarget(value: string, opts: TargetOptions): string | null {
  const { what } = opts
  const v = value.trim()
  if (v === '') return `${what} is required`
  if (v === '@') return opts.allowAt ? null : `${what} can't be "@" here`
  if (v === '.') return opts.allowRoot ? null : `${what} can't be "." (the root)`
  if (nonAscii(v)) return `${what}: international names must be written in their xn-- (punycode) form`
  if (/\s/.test(v)) return `${what} can't contain spaces`
  const bare = v.replace(/\.$/, '')
  if (bare.length > MAX_NAME_LENGTH) return `${what} must be at most ${MAX_NAME_LENGTH} characters long`
  const labels = bare.split('.')
  for (const label of labels) {
    const problem = labelProblem(label, !!opts.allowUnderscore, what)
    if (problem) return problem
  }
  if (labels.length < 2) return `${what} must be a full host name like "${bare}.example.com"`
  return null
}

export interface OwnerNameOptions {
  /** The zone, to check the full length and catch names typed absolute. */
  zone?: string
  /**
   * Set to the record type when the name must be a host name (A, AAAA, MX owners): no
   * underscores, as BIND's check-names demands.
   */
  hostOnly?: string
}

/**
 * Checks a record name: relative to the zone, "@" for the apex, "*" allowed only as the whole
 * leftmost label (wildcard). Returns the message for the first problem, or null.
 */
export function checkOwnerName(value: string, opts: OwnerNameOptions = {}): string | null {
  const what = 'Name'
  const v = value.trim()
  if (v === '') return 'Name is required (use "@" for the domain itself)'
  if (v === '@') return null
  if (nonAscii(v)) return 'Name: international names must be written in their xn-- (punycode) form'
  if (/\s/.test(v)) return 'Name can\'t contain spaces'
  const zone = opts.zone ? normalizeZone(opts.zone) : undefined
  const lower = v.toLowerCase()
  if (lower.endsWith('.')) {
    const rel = zone ? toRelativeName(lower, zone) : null
    return rel
      ? `Write the name relative to the domain: "${rel}" instead of "${v}"`
      : 'Write the name relative to the domain, without a trailing dot (for example "www", or "@" for the domain itself)'
  }
  if (zone && (lower === zone || lower.endsWith(`.${zone}`))) {
    const rel = toRelativeName(lower, zone)
    return `Names are relative to ${zone}: "${v}" would mean ${lower}.${zone}. Write "${rel}" instead`
  }
  if (v.includes('@')) return 'Name: "@" can only be used alone, for the domain itself'
  const labels = lower.split('.')
  for (const [i, label] of labels.entries()) {
    if (label === '*') {
      if (i === 0) continue
      return 'Name: "*" (wildcard) is only allowed as the leftmost part, like "*" or "*.dev"'
    }
    if (label.includes('*')) return 'Name: "*" (wildcard) must be a part on its own, like "*.dev", not mixed with other characters'
    const problem = labelProblem(label, !opts.hostOnly, what, `because ${opts.hostOnly} records name hosts`)
    if (problem) return problem
  }
  const fullLength = zone ? lower.length + 1 + zone.length : lower.length
  if (fullLength > MAX_NAME_LENGTH) return `Name is too long: the full name must be at most ${MAX_NAME_LENGTH} characters`
  return null
}
