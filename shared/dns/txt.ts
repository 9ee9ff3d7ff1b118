/**
 * TXT content. DNS stores a TXT record as one or more "character-strings" of at most 255 bytes;
 * resolvers and SPF/DKIM readers concatenate them. Our `content` has two forms:
 *
 *  - plain text, with no double quote anywhere: `v=spf1 include:_spf.example.net -all`. Any
 *    length up to 4000 bytes; exports split it into 255-byte strings.
 *  - one or more quoted strings: `"part one" "part two"`, with `\"`, `\\` and `\DDD` (decimal byte)
 *    escapes. Each string is at most 255 bytes. Needed for text containing quotes, leading or
 *    trailing spaces, control characters, or where the split points matter.
 *
 * Lengths are counted in UTF-8 bytes, as on the wire. `canonicalTxt` picks the plain form
 * whenever it means exactly the same strings, so both spellings of a value compare equal.
 */

export const TXT_STRING_MAX_BYTES = 255
export const TXT_TOTAL_MAX_BYTES = 4000

const encoder = new TextEncoder()

export type TxtParse = { strings: Uint8Array[], error?: undefined } | { error: string, strings?: undefined }

function isControl(byte: number): boolean {
  return byte < 0x20 || byte === 0x7f
}

/** Splits bytes into 255-byte character-strings (the last one shorter). */
export function chunkBytes(bytes: Uint8Array, size = TXT_STRING_MAX_BYTES): Uint8Array[] {
  if (bytes.length === 0) return [bytes]
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size))
  return out
}

/**
 * Reads quoted character-strings with zone-file escapes. Used for our content and for zone-file
 * tokens alike; `inner` is the text between the quotes.
 */
export function decodeEscapes(inner: string): { bytes: Uint8Array } | { error: string } {
  const out: number[] = []
  const push = (ch: string) => { for (const b of encoder.encode(ch)) out.push(b) }
  // Walk code points (not UTF-16 units) so characters outside the BMP stay whole.
  const chars = Array.from(inner)
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '\\') { push(chars[i]); continue }
    const digits = chars.slice(i + 1, i + 4).join('')
    if (/^[0-9]{3}$/.test(digits)) {
      const n = Number(digits)
      if (n > 255) return { error: `"\\${digits}" is not a valid escape: \\DDD must be a byte from 000 to 255` }
      out.push(n)
      i += 3
    }
    else if (i + 1 < chars.length) {
      // \X means X itself (\" and \\ are the usual ones).
      push(chars[i + 1])
      i += 1
    }
    else {
      return { error: 'a backslash (\\) at the end of a quoted string must be escaped as \\\\' }
    }
  }
  return { bytes: Uint8Array.from(out) }
}

/** Parses TXT content (either form) into its wire character-strings. */
export function parseTxtContent(content: string): TxtParse {
  if (!content.includes('"')) {
    const bytes = encoder.encode(content)
    if (content.trim() === '') return { error: 'TXT value is required' }
    if (bytes.some(isControl)) return { error: 'TXT text can\'t contain line breaks, tabs or other control characters (in a quoted string, write them as \\DDD escapes)' }
    return { strings: chunkBytes(bytes) }
  }
  const strings: Uint8Array[] = []
  let i = 0
  const s = content
  while (i < s.length) {
    if (/\s/.test(s[i])) { i++; continue }
    if (s[i] !== '"') {
      return { error: 'TXT text with quotes must be written as complete quoted strings, like "part one" "part two" (text outside the quotes is not allowed)' }
    }
    let j = i + 1
    while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1
    if (j >= s.length) return { error: 'TXT value has an unclosed quote ("): every quoted string needs a closing quote, and quotes inside must be written \\"' }
    const inner = s.slice(i + 1, j)
    if (encoder.encode(inner).some(isControl)) return { error: 'TXT text can\'t contain line breaks, tabs or other control characters (write them as \\DDD escapes)' }
    const decoded = decodeEscapes(inner)
    if ('error' in decoded) return { error: `TXT value: ${decoded.error}` }
    strings.push(decoded.bytes)
    i = j + 1
  }
  if (strings.length === 0) return { error: 'TXT value is required' }
  return { strings }
}

/** The wire strings for TXT content, or null when the content is invalid. */
export function txtStrings(content: string): Uint8Array[] | null {
  return parseTxtContent(content).strings ?? null
}

/**
 * Writes one character-string as a quoted zone-file token: printable ASCII as is, `"` and `\`
 * escaped, every other byte (control, non-ASCII) as \DDD, so the file is plain ASCII.
 */
export function quoteForZoneFile(bytes: Uint8Array): string {
  let out = '"'
  for (const b of bytes) {
    if (b === 0x22) out += '\\"'
    else if (b === 0x5c) out += '\\\\'
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b)
    else out += `\\${String(b).padStart(3, '0')}`
  }
  return `${out}"`
}

/**
 * Writes one character-string as it appears in our content's quoted form: like the zone file,
 * but valid UTF-8 text keeps its characters (people read "café", not "caf\195\169").
 */
export function quoteForContent(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  }
  catch {
    return quoteForZoneFile(bytes)
  }
  let out = '"'
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (code < 0x20 || code === 0x7f) out += `\\${String(code).padStart(3, '0')}`
    else out += ch
  }
  return `${out}"`
}

/**
 * Canonical content for wire strings: the plain form when it produces exactly these strings
 * again (no quotes or control bytes, valid UTF-8, no leading/trailing space that a form might
 * trim, and split only at 255-byte boundaries), otherwise the quoted form.
 */
export function canonicalTxtFromStrings(strings: Uint8Array[]): string {
  const total = strings.reduce((n, s) => n + s.length, 0)
  const splitLikeUs = strings.every((s, i) => i === strings.length - 1 || s.length === TXT_STRING_MAX_BYTES)
  if (total > 0 && splitLikeUs && strings[strings.length - 1].length > 0) {
    const all = new Uint8Array(total)
    let at = 0
    for (const s of strings) { all.set(s, at); at += s.length }
    if (!all.some(b => b === 0x22 || isControl(b))) {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(all)
        if (text.trim() === text) return text
      }
      catch { /* not UTF-8: fall through to the quoted form */ }
    }
  }
  return strings.map(quoteForContent).join(' ')
}

/** Canonical form of TXT content, or the content unchanged when it can't be parsed. */
export function canonicalTxt(content: string): string {
  const parsed = parseTxtContent(content)
  return parsed.strings ? canonicalTxtFromStrings(parsed.strings) : content
}
