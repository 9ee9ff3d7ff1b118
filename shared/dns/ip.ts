/** IPv4/IPv6 address syntax, without any Node API (this file runs in the browser too). */

/** 0–255 with no leading zeros: "010" is refused because some tools read it as octal. */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])'
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`)

export function isIPv4(value: string): boolean {
  return IPV4.test(value)
}

/** Why a string is not a single IPv4 address, in words, or null when it is one. */
export function ipv4Problem(value: string): string | null {
  const v = value.trim()
  if (v === '') return 'Enter an IPv4 address, like 192.0.2.1'
  if (isIPv4(v)) return null
  if (v.includes('/') || v.includes('-')) return 'Enter a single IPv4 address, not a range or network (like 192.0.2.1)'
  if (v.includes(':')) return 'That looks like an IPv6 address: use an AAAA record for it'
  const parts = v.split('.')
  if (parts.length !== 4) return 'An IPv4 address has four numbers separated by dots, like 192.0.2.1'
  if (parts.some(p => /^0[0-9]+$/.test(p))) return 'IPv4 numbers can\'t have leading zeros (write 10.0.0.1, not 010.000.000.001)'
  return 'Each of the four numbers of an IPv4 address must be from 0 to 255, like 192.0.2.1'
}

/** Parses any valid IPv6 text form (with "::" and a trailing dotted IPv4) into eight 16-bit groups. */
export function parseIPv6(value: string): number[] | null {
  let v = value.trim()
  if (v === '' || /[^0-9a-f:.]/i.test(v)) return null
  // A trailing dotted quad stands for the last two groups (::ffff:192.0.2.1).
  const tail: number[] = []
  const lastColon = v.lastIndexOf(':')
  if (v.includes('.')) {
    const quad = v.slice(lastColon + 1)
    if (!isIPv4(quad)) return null
    const o = quad.split('.').map(Number)
    tail.push((o[0] << 8) | o[1], (o[2] << 8) | o[3])
    v = v.slice(0, lastColon + 1)
    // "::1.2.3.4" leaves "::", "x::1.2.3.4" leaves "x::", "x:1.2.3.4" leaves "x:" (drop the colon).
    if (!v.endsWith('::')) v = v.slice(0, -1)
    if (v === '') return null
  }
  const halves = v.split('::')
  if (halves.length > 2) return null
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return []
    const out: number[] = []
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null
      out.push(parseInt(g, 16))
    }
    return out
  }
  const head = parseGroups(halves[0])
  if (!head) return null
  if (halves.length === 1) {
    const groups = [...head, ...tail]
    return groups.length === 8 ? groups : null
  }
  const rest = parseGroups(halves[1])
  if (!rest) return null
  const known = head.length + rest.length + tail.length
  // "::" stands for at least one zero group.
  if (known > 7) return null
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail]
}

export function isIPv6(value: string): boolean {
  return parseIPv6(value) !== null
}

export function ipv6Problem(value: string): string | null {
  const v = value.trim()
  if (v === '') return 'Enter an IPv6 address, like 2001:db8::1'
  if (isIPv6(v)) return null
  if (isIPv4(v)) return 'That is an IPv4 address: use an A record for it'
  if (v.includes('/')) return 'Enter a single IPv6 address, not a network (like 2001:db8::1)'
  if (v.includes('%')) return 'Enter an IPv6 address without a zone index (%…)'
  return 'Enter a valid IPv6 address, like 2001:db8::1 (eight groups of up to four hex digits; "::" may replace one run of zeros)'
}

/** RFC 5952 text form (lower case, no leading zeros, longest zero run as "::"), so equal addresses compare equal. */
export function canonicalIPv6(value: string): string | null {
  const g = parseIPv6(value)
  if (!g) return null
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue }
    let j = i
    while (j < 8 && g[j] === 0) j++
    if (j - i > bestLen) { bestStart = i; bestLen = j - i }
    i = j
  }
  const hex = g.map(n => n.toString(16))
  if (bestLen < 2) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`
}
