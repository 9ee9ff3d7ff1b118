/**
 * Domain and nameserver names as a person types them, checked the same way in the browser and
 * the API. Pure functions, no Node APIs. Names are compared lower-cased without the trailing dot.
 */

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
/** A TLD is letters, or an IDN in punycode (xn--…). */
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

export const MIN_NAMESERVERS = 2
export const MAX_NAMESERVERS = 4
export const MAX_CHECK_NAMES = 20

export function normalizeDomain(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '')
}

/** Why `name` is not a registrable-looking domain name, or null when it is fine. */
export function domainNameProblem(raw: string): string | null {
  const name = normalizeDomain(raw)
  if (!name) return 'Enter a domain name'
  if (name.length > 253) return `"${raw}" is longer than 253 characters`
  if (/\s/.test(name)) return `"${raw}" contains a space`
  const labels = name.split('.')
  if (labels.length < 2) return `"${raw}" needs a name and an extension, e.g. ${name || 'example'}.com`
  for (const label of labels) {
    if (!label) return `"${raw}" has an empty part between dots`
    if (label.length > 63) return `"${raw}" has a part longer than 63 characters`
    if (!LABEL.test(label)) return `"${raw}" may only use letters, digits and hyphens, and no part may start or end with a hyphen`
  }
  if (!TLD.test(labels[labels.length - 1]!)) return `"${raw}" does not end in a valid extension such as .com`
  return null
}

/** Same rules as a domain: a nameserver is a full host name such as ns1.example.net. */
export function hostNameProblem(raw: string): string | null {
  const problem = domainNameProblem(raw)
  return problem && problem.replace(/needs a name and an extension.*$/, 'is not a full host name (e.g. ns1.example.net)')
}

/** Problems with a nameserver list as a whole, or null: 2–4 distinct valid host names. */
export function nameserverListProblem(list: string[]): string | null {
  const names = list.map(normalizeDomain).filter(Boolean)
  if (names.length < MIN_NAMESERVERS) return `Give at least ${MIN_NAMESERVERS} nameservers`
  if (names.length > MAX_NAMESERVERS) return `Give at most ${MAX_NAMESERVERS} nameservers`
  for (const n of list) {
    if (!normalizeDomain(n)) continue
    const p = hostNameProblem(n)
    if (p) return p
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i)
  if (dup) return `${dup} is listed twice`
  return null
}

/** Split what a person pasted ("a.com, b.io\nc.dev") into names, in order, without repeats. */
export function splitNames(text: string): string[] {
  const out: string[] = []
  for (const part of text.split(/[\s,;]+/)) {
    const n = normalizeDomain(part)
    if (n && !out.includes(n)) out.push(n)
  }
  return out
}

/**
 * Calendar days (UTC) from `now` until `iso`: 0 on the day itself, negative once past, null
 * without a date. Calendar days, not 24-hour periods, so "in 20 days" does not read 19 a second later.
 */
export function daysUntil(iso: string | null | undefined, now = Date.now()): number | null {
  if (!iso) return null
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return null
  const day = (ms: number) => Math.floor(ms / 86_400_000)
  return day(t) - day(now)
}
