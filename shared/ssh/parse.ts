/**
 * SSH public key parsing and fingerprinting.
 *
 * Runs in the browser and in Node 20+: no Node-only APIs. Base64 is decoded
 * here; SHA-256 comes from Web Crypto (`globalThis.crypto.subtle`), so the
 * parser is async.
 */

export const SUPPORTED_KEY_TYPES = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
] as const

export type SshKeyType = (typeof SUPPORTED_KEY_TYPES)[number]

export interface ParsedSshKey {
  /** Key type, e.g. "ssh-ed25519". */
  type: SshKeyType
  /** Canonical (padded) base64 of the key blob. */
  blob: string
  /** Comment (rest of the line), trimmed; "" when absent. */
  comment: string
  /** Key size as `ssh-keygen -l` reports it (RSA modulus bits, 256 for Ed25519, curve size for ECDSA). */
  bits: number
  /** "SHA256:" + unpadded base64 of sha256(blob), exactly as `ssh-keygen -lf` prints it. */
  fingerprint: string
  /** "type base64 comment" (no trailing space when the comment is empty). */
  normalized: string
}

export type SshKeyErrorCode =
  | 'empty'
  | 'too_long'
  | 'private_key'
  | 'multiple_keys'
  | 'options'
  | 'unrecognized'
  | 'unsupported_type'
  | 'bad_base64'
  | 'malformed'
  | 'type_mismatch'
  | 'weak_key'

export type ParsePublicKeyResult =
  | { ok: true, key: ParsedSshKey }
  | { ok: false, error: string, code: SshKeyErrorCode, isPrivateKey?: boolean }

/** Inputs longer than this are refused before any parsing (a 16384-bit RSA public key is ~2.8 KB). */
export const MAX_PUBLIC_KEY_INPUT_LENGTH = 16 * 1024

export const MIN_RSA_BITS = 2048
/** OpenSSH refuses RSA moduli above 16384 bits. */
export const MAX_RSA_BITS = 16384

export const PRIVATE_KEY_MESSAGE = 'This is a private key. Never paste a private key; paste the .pub file instead.'

/** Short algorithm label as printed in parentheses by `ssh-keygen -l` ("ED25519", "RSA", "ECDSA"). */
export function keyTypeLabel(type: SshKeyType): 'ED25519' | 'RSA' | 'ECDSA' {
  if (type === 'ssh-ed25519') return 'ED25519'
  if (type === 'ssh-rsa') return 'RSA'
  return 'ECDSA'
}

// ---------------------------------------------------------------------------
// Base64 (standard alphabet, strict)
// ---------------------------------------------------------------------------

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_LOOKUP: Int16Array = (() => {
  const t = new Int16Array(128).fill(-1)
  for (let i = 0; i < B64_ALPHABET.length; i++) t[B64_ALPHABET.charCodeAt(i)] = i
  return t
})()

/**
 * Decodes standard base64. Padding is optional but, when present, must be
 * correct; any character outside the alphabet, misplaced `=`, or an impossible
 * length returns null.
 */
export function base64Decode(input: string): Uint8Array | null {
  let s = input
  let pad = 0
  while (pad < 2 && s.endsWith('=')) { s = s.slice(0, -1); pad++ }
  if (pad > 0 && (s.length + pad) % 4 !== 0) return null
  const rem = s.length % 4
  if (rem === 1) return null
  const outLen = Math.floor(s.length / 4) * 3 + (rem === 0 ? 0 : rem - 1)
  const out = new Uint8Array(outLen)
  let o = 0
  let acc = 0
  let nbits = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const v = c < 128 ? B64_LOOKUP[c] : -1
    if (v < 0) return null
    acc = (acc << 6) | v
    nbits += 6
    if (nbits >= 8) {
      nbits -= 8
      out[o++] = (acc >> nbits) & 0xff
    }
    acc &= 0xff // never needs more than the pending bits
  }
  return out
}

/** Encodes bytes as standard base64. `pad: false` drops trailing `=` (as ssh-keygen does for fingerprints). */
export function base64Encode(bytes: Uint8Array, pad = true): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += B64_ALPHABET[(n >> 18) & 63] + B64_ALPHABET[(n >> 12) & 63] + B64_ALPHABET[(n >> 6) & 63] + B64_ALPHABET[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += B64_ALPHABET[(n >> 18) & 63] + B64_ALPHABET[(n >> 12) & 63] + (pad ? '==' : '')
  }
  else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += B64_ALPHABET[(n >> 18) & 63] + B64_ALPHABET[(n >> 12) & 63] + B64_ALPHABET[(n >> 6) & 63] + (pad ? '=' : '')
  }
  return out
}

// ---------------------------------------------------------------------------
// Fingerprint
// ---------------------------------------------------------------------------

/** "SHA256:" + unpadded base64 of the SHA-256 of the key blob, like `ssh-keygen -lf`. */
export async function fingerprintSha256(blob: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) throw new Error('Web Crypto (crypto.subtle) is not available in this environment')
  const copy = new Uint8Array(blob.length)
  copy.set(blob)
  const digest = await subtle.digest('SHA-256', copy)
  return `SHA256:${base64Encode(new Uint8Array(digest), false)}`
}

// ---------------------------------------------------------------------------
// Wire format
// ---------------------------------------------------------------------------

class Truncated extends Error {}

class WireReader {
  private pos = 0
  constructor(private readonly buf: Uint8Array) {}

  get remaining(): number { return this.buf.length - this.pos }

  bytes(): Uint8Array {
    if (this.remaining < 4) throw new Truncated()
    const b = this.buf
    const p = this.pos
    const len = ((b[p] << 24) >>> 0) + (b[p + 1] << 16) + (b[p + 2] << 8) + b[p + 3]
    if (len > this.remaining - 4) throw new Truncated()
    this.pos = p + 4 + len
    return b.subarray(p + 4, p + 4 + len)
  }

  string(): string {
    const raw = this.bytes()
    let s = ''
    for (const c of raw) s += String.fromCharCode(c)
    return s
  }
}

function bitLength(mpint: Uint8Array): number {
  let i = 0
  while (i < mpint.length && mpint[i] === 0) i++
  if (i === mpint.length) return 0
  return (mpint.length - i - 1) * 8 + (32 - Math.clz32(mpint[i]))
}

const ECDSA_CURVES: Record<string, { curve: string, bits: number, coordLen: number }> = {
  'ecdsa-sha2-nistp256': { curve: 'nistp256', bits: 256, coordLen: 32 },
  'ecdsa-sha2-nistp384': { curve: 'nistp384', bits: 384, coordLen: 48 },
  'ecdsa-sha2-nistp521': { curve: 'nistp521', bits: 521, coordLen: 66 },
}

type Fail = Extract<ParsePublicKeyResult, { ok: false }>

function fail(code: SshKeyErrorCode, error: string, extra?: { isPrivateKey?: boolean }): Fail {
  return { ok: false, code, error, ...extra }
}

/** Explains why a (syntactically plausible) key type is not accepted, or null if it is supported. */
function unsupportedTypeMessage(type: string): string | null {
  if ((SUPPORTED_KEY_TYPES as readonly string[]).includes(type)) return null
  if (type === 'ssh-dss') return 'DSA keys are no longer accepted; generate an Ed25519 key instead (ssh-keygen -t ed25519).'
  if (type.endsWith('-cert-v01@openssh.com')) return 'SSH certificates are not accepted; paste the plain public key (.pub) instead.'
  if (type.startsWith('sk-')) return 'Security-key (FIDO/U2F) keys are not supported; use an Ed25519, ECDSA or RSA key.'
  if (type === 'rsa-sha2-256' || type === 'rsa-sha2-512') return `"${type}" is a signature algorithm, not a key type; an RSA public key starts with "ssh-rsa".`
  return `Unknown key type "${truncateForMessage(type)}". Accepted types: ${SUPPORTED_KEY_TYPES.join(', ')}.`
}

function truncateForMessage(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s
}

/**
 * Validates a decoded key blob against its declared type.
 * Returns the key size in bits on success.
 */
function checkBlob(declaredType: string, blob: Uint8Array): { ok: true, bits: number } | Fail {
  const r = new WireReader(blob)
  try {
    const innerType = r.string()
    if (innerType !== declaredType) {
      return fail('type_mismatch', `The key says "${truncateForMessage(declaredType)}" but its data is a "${truncateForMessage(innerType)}" key; the key was altered or mangled.`)
    }
    let bits: number
    if (declaredType === 'ssh-ed25519') {
      const pk = r.bytes()
      if (pk.length !== 32) return fail('malformed', 'Invalid Ed25519 key: the public key must be 32 bytes.')
      bits = 256
    }
    else if (declaredType === 'ssh-rsa') {
      const e = r.bytes()
      const n = r.bytes()
      if ((e.length > 0 && e[0] & 0x80) || (n.length > 0 && n[0] & 0x80)) {
        return fail('malformed', 'Invalid RSA key: negative number in key data.')
      }
      const eBits = bitLength(e)
      if (eBits < 2 || (e[e.length - 1] & 1) === 0) return fail('malformed', 'Invalid RSA key: bad public exponent.')
      bits = bitLength(n)
      if (bits === 0 || (n[n.length - 1] & 1) === 0) return fail('malformed', 'Invalid RSA key: bad modulus.')
      if (bits < MIN_RSA_BITS) return fail('weak_key', `RSA keys must be at least ${MIN_RSA_BITS} bits; this one has ${bits}`)
      if (bits > MAX_RSA_BITS) return fail('malformed', `RSA keys larger than ${MAX_RSA_BITS} bits are not supported; this one has ${bits}`)
    }
    else {
      const spec = ECDSA_CURVES[declaredType]
      if (!spec) return fail('unsupported_type', unsupportedTypeMessage(declaredType) ?? 'Unsupported key type.')
      const curve = r.string()
      if (curve !== spec.curve) {
        return fail('type_mismatch', `The key says "${declaredType}" but its curve is "${truncateForMessage(curve)}"; the key was altered or mangled.`)
      }
      const q = r.bytes()
      if (q.length !== 1 + 2 * spec.coordLen || q[0] !== 0x04) {
        return fail('malformed', `Invalid ECDSA key: bad ${spec.curve} public point.`)
      }
      bits = spec.bits
    }
    if (r.remaining !== 0) return fail('malformed', 'Invalid key: unexpected extra data after the key; the key was altered or mangled.')
    return { ok: true, bits }
  }
  catch (e) {
    if (e instanceof Truncated) return fail('malformed', 'The key data is truncated or corrupted; copy the whole line from the .pub file again.')
    throw e
  }
}

// ---------------------------------------------------------------------------
// Text handling
// ---------------------------------------------------------------------------

const PRIVATE_KEY_RE = /-{4,5}\s*BEGIN\s[A-Z0-9 ]*PRIVATE KEY\s*-{4,5}/i
const PUTTY_PRIVATE_RE = /^\s*PuTTY-User-Key-File-\d+\s*:/im
/** base64("openssh-key-v1\0"): the body of an OpenSSH private key pasted without its armor lines. */
const OPENSSH_PRIVATE_BODY_RE = /^\s*b3BlbnNzaC1rZXktdjE/
const SSH2_BEGIN_RE = /^-{4}\s*BEGIN SSH2 PUBLIC KEY\s*-{4}$/i
const SSH2_END_RE = /^-{4}\s*END SSH2 PUBLIC KEY\s*-{4}$/i
const PEM_PUBLIC_RE = /-{5}\s*BEGIN\s(RSA |EC )?PUBLIC KEY\s*-{5}/i

/** Something that looks like an OpenSSH key type token. */
const KEY_TYPE_TOKEN_RE = /^(?:ssh-[a-z0-9-]+|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9-]+@openssh\.com|(?:ssh|ecdsa|sk)-[\w.@-]+-cert-v01@openssh\.com|rsa-sha2-(?:256|512))$/i
/** A key type followed by base64 blob, anywhere in a string (used to spot a second key). */
const EMBEDDED_KEY_RE = /(?:^|\s)(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d+|sk-[a-z0-9-]+@openssh\.com)\s+AAAA[A-Za-z0-9+/]/

const AUTHORIZED_KEYS_OPTIONS = new Set([
  'agent-forwarding', 'cert-authority', 'command', 'environment', 'expiry-time', 'from',
  'no-agent-forwarding', 'no-port-forwarding', 'no-pty', 'no-user-rc', 'no-x11-forwarding',
  'permitlisten', 'permitopen', 'port-forwarding', 'principals', 'pty', 'no-touch-required',
  'verify-required', 'restrict', 'tunnel', 'user-rc', 'x11-forwarding',
])

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_RE = /[\u0000-\u0008\u000B-\u001F\u007F]/g

function cleanComment(s: string): string {
  return s.replace(CONTROL_CHARS_RE, '').trim()
}

/**
 * Splits an authorized_keys options prefix off a line: reads up to the first
 * whitespace outside double quotes. Returns the option names and the rest.
 */
function splitOptions(line: string): { names: string[], rest: string } | null {
  let i = 0
  let inQuote = false
  for (; i < line.length; i++) {
    const c = line[i]
    if (inQuote) {
      if (c === '\\' && line[i + 1] === '"') i++
      else if (c === '"') inQuote = false
    }
    else if (c === '"') inQuote = true
    else if (c === ' ' || c === '\t') break
  }
  if (inQuote) return null
  const optStr = line.slice(0, i)
  const names: string[] = []
  // Split on commas outside quotes.
  let cur = ''
  inQuote = false
  for (let j = 0; j < optStr.length; j++) {
    const c = optStr[j]
    if (c === '"' && optStr[j - 1] !== '\\') inQuote = !inQuote
    if (c === ',' && !inQuote) { names.push(cur); cur = ''; continue }
    cur += c
  }
  names.push(cur)
  return { names: names.map(n => n.split('=')[0].trim()), rest: line.slice(i).trim() }
}

async function finish(type: string, b64: string, comment: string): Promise<ParsePublicKeyResult> {
  const unsupported = unsupportedTypeMessage(type)
  if (unsupported) return fail('unsupported_type', unsupported)
  const blob = base64Decode(b64)
  if (!blob) return fail('bad_base64', 'The key data is not valid base64; copy the whole line from the .pub file again.')
  if (blob.length === 0) return fail('malformed', 'The key data is empty.')
  const checked = checkBlob(type, blob)
  if (!checked.ok) return checked
  const canonical = base64Encode(blob)
  const c = cleanComment(comment)
  return {
    ok: true,
    key: {
      type: type as SshKeyType,
      blob: canonical,
      comment: c,
      bits: checked.bits,
      fingerprint: await fingerprintSha256(blob),
      normalized: c ? `${type} ${canonical} ${c}` : `${type} ${canonical}`,
    },
  }
}

/** Reads the type string at the start of a blob without validating the rest. */
function peekBlobType(blob: Uint8Array): string | null {
  try { return new WireReader(blob).string() }
  catch { return null }
}

/** RFC 4716 ("---- BEGIN SSH2 PUBLIC KEY ----"), converted to the OpenSSH form. */
async function parseRfc4716(lines: string[]): Promise<ParsePublicKeyResult> {
  const begins = lines.filter(l => SSH2_BEGIN_RE.test(l)).length
  if (begins > 1) return fail('multiple_keys', 'Paste one key at a time; this text contains several keys.')
  const start = lines.findIndex(l => SSH2_BEGIN_RE.test(l))
  const end = lines.findIndex(l => SSH2_END_RE.test(l))
  if (end < 0 || end < start) return fail('malformed', 'The SSH2 public key block has no "---- END SSH2 PUBLIC KEY ----" line; copy the whole block.')
  const outside = [...lines.slice(0, start), ...lines.slice(end + 1)]
  if (outside.some(l => l !== '')) {
    return fail('multiple_keys', 'Paste only the SSH2 public key block, one key at a time.')
  }
  const body = lines.slice(start + 1, end)
  let comment = ''
  let i = 0
  // Headers: "Tag: value", continued onto the next line by a trailing backslash.
  while (i < body.length && (body[i].includes(':') || body[i] === '')) {
    if (body[i] === '') { i++; continue }
    let header = body[i]
    while (header.endsWith('\\') && i + 1 < body.length) {
      i++
      header = header.slice(0, -1) + body[i]
    }
    i++
    const colon = header.indexOf(':')
    const tag = header.slice(0, colon).trim().toLowerCase()
    let value = header.slice(colon + 1).trim()
    if (tag === 'comment') {
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
      comment = value
    }
  }
  const b64 = body.slice(i).join('').replace(/\s+/g, '')
  if (!b64) return fail('malformed', 'The SSH2 public key block contains no key data.')
  const blob = base64Decode(b64)
  if (!blob) return fail('bad_base64', 'The key data is not valid base64; copy the whole block again.')
  const type = peekBlobType(blob)
  if (type === null) return fail('malformed', 'The key data is truncated or corrupted; copy the whole block again.')
  if (!/^[\x21-\x7e]{1,64}$/.test(type)) return fail('malformed', 'The key data is corrupted: it does not start with a key type.')
  return finish(type, b64, comment)
}

/**
 * Parses one SSH public key as pasted by a user (the contents of a `.pub`
 * file, an authorized_keys line, or an RFC 4716 "SSH2 PUBLIC KEY" block) and
 * computes its SHA-256 fingerprint exactly as `ssh-keygen -lf` prints it.
 */
export async function parsePublicKey(text: string): Promise<ParsePublicKeyResult> {
  if (typeof text !== 'string') return fail('empty', 'Paste a public key.')
  if (PRIVATE_KEY_RE.test(text) || PUTTY_PRIVATE_RE.test(text) || OPENSSH_PRIVATE_BODY_RE.test(text)) {
    return fail('private_key', PRIVATE_KEY_MESSAGE, { isPrivateKey: true })
  }
  if (text.length > MAX_PUBLIC_KEY_INPUT_LENGTH) return fail('too_long', 'This text is too long to be an SSH public key.')

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(l => l.trim())
  if (lines.every(l => l === '')) return fail('empty', 'Paste a public key.')

  if (lines.some(l => SSH2_BEGIN_RE.test(l))) return parseRfc4716(lines)
  if (PEM_PUBLIC_RE.test(text)) {
    return fail('unrecognized', 'This is a PEM (OpenSSL) public key. Convert it with "ssh-keygen -i -m PKCS8 -f key.pem" and paste the result, or paste your .pub file.')
  }

  // Blank lines and authorized_keys "#" comment lines are ignored.
  const content = lines.filter(l => l !== '' && !l.startsWith('#'))
  if (content.length === 0) return fail('empty', 'Paste a public key.')
  if (content.length > 1) {
    const keyLines = content.filter(l => EMBEDDED_KEY_RE.test(` ${l}`)).length
    if (keyLines > 1) return fail('multiple_keys', `Paste one key at a time; this text contains ${keyLines} keys.`)
    return fail('malformed', 'An SSH public key is a single line ("ssh-ed25519 AAAA… comment"); this text spans several lines. Copy the .pub file again without line breaks.')
  }

  let line = content[0]
  let firstSpace = line.search(/\s/)
  const first = firstSpace < 0 ? line : line.slice(0, firstSpace)

  if (!KEY_TYPE_TOKEN_RE.test(first)) {
    if (/^AAAA[A-Za-z0-9+/]/.test(first)) {
      return fail('unrecognized', 'The key type is missing: paste the whole line, starting with e.g. "ssh-ed25519" or "ssh-rsa".')
    }
    const split = splitOptions(line)
    const after = split?.rest ?? ''
    const afterFirst = after.split(/\s/)[0]
    if (split && KEY_TYPE_TOKEN_RE.test(afterFirst)) {
      const known = split.names.every(n => AUTHORIZED_KEYS_OPTIONS.has(n.toLowerCase()))
      if (known) {
        return fail('options', `This line starts with authorized_keys options (${split.names.join(', ')}), which can't be applied here. Remove them and paste only the key ("${afterFirst} AAAA… comment").`)
      }
      return fail('unrecognized', `Unexpected text "${truncateForMessage(first)}" before the key type. Paste only the contents of your .pub file ("${afterFirst} AAAA… comment").`)
    }
    return fail('unrecognized', 'This is not an SSH public key. Paste the contents of your .pub file, e.g. "ssh-ed25519 AAAA… you@laptop".')
  }

  const type = first
  line = line.slice(first.length).trim()
  firstSpace = line.search(/\s/)
  const b64 = firstSpace < 0 ? line : line.slice(0, firstSpace)
  const comment = firstSpace < 0 ? '' : line.slice(firstSpace).trim()
  if (!b64) return fail('malformed', `The key data is missing after "${truncateForMessage(type)}"; copy the whole line from the .pub file.`)
  if (EMBEDDED_KEY_RE.test(` ${comment}`)) return fail('multiple_keys', 'Paste one key at a time; this text contains several keys.')

  return finish(type, b64, comment)
}
