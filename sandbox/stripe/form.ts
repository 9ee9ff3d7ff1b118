/**
 * Stripe's form encoding, as the official clients send it: nested objects and arrays in
 * brackets (`line_items[0][price_data][currency]=eur`, `metadata[invoice_id]=…`,
 * `enabled_events[]=…`). Decodes into plain objects; indices become arrays.
 */
type Node = Record<string, unknown> | unknown[]

export function decodeStripeForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
    if (!m) { root[key] = value; continue }
    const path = [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map(x => x[1]!)]
    let node: Node = root
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!
      const last = i === path.length - 1
      const nextIsIndex = !last && /^\d*$/.test(path[i + 1]!)
      if (Array.isArray(node)) {
        const idx = part === '' ? node.length : Number(part)
        if (last) node[idx] = value
        else node = (node[idx] ??= nextIsIndex ? [] : {}) as Node
      }
      else {
        if (last) node[part] = value
        else node = (node[part] ??= nextIsIndex ? [] : {}) as Node
      }
    }
  }
  return root
}
