/**
 * One casing on the wire: every key the OpenAPI document names in an answer or a request body
 * is snake_case, as the seed's API (../shared/seeds/002_*.txt). A failure lists each camelCase
 * key with the operation and the place in the schema where it sits.
 */
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../../../server/openapi/document'
import { CAPABILITY_GROUPS } from '../../../server/providers/types'

/**
 * Keys allowed to differ, each with the seed passage that dictates it. The seed shows none today:
 * every key of its examples is snake_case. Record keys (capability group names, plan mapping
 * field keys…) are data, not names the document declares, so they never show up here.
 */
const EXCEPTIONS: Record<string, string> = {}

const SNAKE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/

type Schema = Record<string, any>
const doc = buildOpenApiDocument({ includeTestRoutes: true }) as Schema
const components: Record<string, Schema> = doc.components?.schemas ?? {}

/** Every property name declared in a schema, with where it is (refs followed once each). */
function keysOf(schema: Schema | undefined, at: string, seen: Set<string>, out: { key: string, at: string }[]) {
  if (!schema || typeof schema !== 'object') return
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '')
    if (seen.has(name)) return
    seen.add(name)
    keysOf(components[name], name, seen, out)
    return
  }
  for (const [key, sub] of Object.entries<Schema>(schema.properties ?? {})) {
    out.push({ key, at })
    keysOf(sub, `${at}.${key}`, seen, out)
  }
  for (const k of ['items', 'additionalProperties', 'not'] as const) if (typeof schema[k] === 'object') keysOf(schema[k], `${at}[]`, seen, out)
  for (const k of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) for (const sub of schema[k] ?? []) keysOf(sub, at, seen, out)
}

function camelKeys(part: 'responses' | 'requestBody') {
  const bad: string[] = []
  for (const [path, item] of Object.entries<Schema>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      const bodies = part === 'responses' ? Object.values<Schema>(op.responses ?? {}) : [op.requestBody].filter(Boolean)
      const found: { key: string, at: string }[] = []
      for (const b of bodies) for (const media of Object.values<Schema>(b.content ?? {})) keysOf(media.schema, 'body', new Set(), found)
      for (const { key, at } of found) if (!SNAKE.test(key) && !(key in EXCEPTIONS)) bad.push(`${method.toUpperCase()} ${path}: ${at}.${key}`)
    }
  }
  return [...new Set(bad)]
}

describe('the wire is snake_case', () => {
  it('answers name their keys in snake_case', () => {
    const bad = camelKeys('responses')
    expect(bad, `camelCase keys in answers (rename them, or list a seed-dictated exception with its reason):\n  ${bad.join('\n  ')}\n`).toEqual([])
  })

  it('request bodies name their keys in snake_case', () => {
    const bad = camelKeys('requestBody')
    expect(bad, `camelCase keys in request bodies:\n  ${bad.join('\n  ')}\n`).toEqual([])
  })

  it('capability group names, the keys of every `capabilities` map, are snake_case too', () => {
    expect(CAPABILITY_GROUPS.filter(g => !SNAKE.test(g))).toEqual([])
  })

  it('the walker sees keys at all (a known snake_case key is found)', () => {
    const found: { key: string, at: string }[] = []
    keysOf({ $ref: '#/components/schemas/Server' }, 'Server', new Set(), found)
    expect(found.map(f => f.key)).toContain('last_synced_at')
  })
})
