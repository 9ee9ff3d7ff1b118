/**
 * Strict mode: answers lose (or get renamed) the fields no provider document names, so tests
 * can prove an adapter still works when a guessed field is absent or called something else.
 *
 * Field paths are dotted, `*` standing for any array index or object key:
 * `products.*.cpu`, `list.*.sshkey`, `balance`.
 */
export type StrictMode = 'off' | 'omit' | 'rename'

/** The name a renamed field gets: one no adapter could guess. */
export const renamed = (key: string) => `x_${key}_renamed`

function apply(node: unknown, parts: string[], mode: StrictMode) {
  if (!node || typeof node !== 'object' || parts.length === 0) return
  const [head, ...rest] = parts
  const obj = node as Record<string, unknown>
  const keys = head === '*' ? Object.keys(obj) : [head!]
  for (const k of keys) {
    if (!(k in obj)) continue
    if (rest.length) { apply(obj[k], rest, mode); continue }
    if (mode === 'rename') obj[renamed(k)] = obj[k]
    delete obj[k]
  }
}

/** A copy of `json` without (or with renamed) `paths`. */
export function stripFields(json: unknown, paths: string[], mode: StrictMode): unknown {
  if (mode === 'off' || !paths.length || json === undefined) return json
  const copy = JSON.parse(JSON.stringify(json))
  for (const p of paths) apply(copy, p.split('.'), mode)
  return copy
}

/**
 * A copy of `json` keeping only the fields the documented `example` shows (VirtFusion's spec
 * types every answer as an empty object; its examples are the only statement of the fields).
 * Arrays are compared item by item against the union of the example's items.
 */
export function pruneToExample(json: unknown, example: unknown, mode: StrictMode): unknown {
  if (mode === 'off' || example === undefined || json === null || typeof json !== 'object') return json
  // The documented answer is an empty list (VirtFusion's /connect): that is all a client may rely on.
  if (Array.isArray(example) && example.length === 0 && !Array.isArray(json)) return []
  if (Array.isArray(json)) {
    if (!Array.isArray(example) || !example.length) return json
    const merged = example.reduce<Record<string, unknown>>((acc, e) => (e && typeof e === 'object' ? { ...acc, ...(e as object) } : acc), {})
    const itemExample = example.every(e => e && typeof e === 'object' && !Array.isArray(e)) ? merged : example[0]
    return json.map(item => pruneToExample(item, itemExample, mode))
  }
  if (!example || typeof example !== 'object' || Array.isArray(example)) return json
  const ex = example as Record<string, unknown>
  // An example object with no keys documents nothing about its fields: leave the value alone.
  if (!Object.keys(ex).length) return json
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (k in ex) out[k] = pruneToExample(v, ex[k], mode)
    else if (mode === 'rename') out[renamed(k)] = v
  }
  return out
}
