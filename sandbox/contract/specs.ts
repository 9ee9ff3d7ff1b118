/**
 * The providers' own OpenAPI files, loaded for contract checks. They are copies of
 * ../shared/specs (see sandbox/specs/README.md) kept in the repo so CI and every developer
 * have them even without shared/ beside the clone.
 *
 * Loading applies the schema patches listed in `deviations.ts` (each with its reason) and, in
 * strict mode, closes every object schema that lists properties: an answer may then only carry
 * the fields the document names.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SPEC_PATCHES } from './deviations'

export type SpecProvider = 'virtfusion' | 'hostinger' | 'virtua'

const here = dirname(fileURLToPath(import.meta.url))
const FILES: Record<SpecProvider, string> = {
  // The YAML file converted to JSON once (parsing 8,000 lines of YAML took ~1 s per test file).
  virtfusion: 'virtfusion.openapi.json',
  hostinger: 'hostinger.openapi.json',
  virtua: 'virtua.openapi3_0.json',
}

export interface OpenApiDoc {
  openapi: string
  paths: Record<string, Record<string, any>>
  components?: Record<string, any>
  security?: Record<string, string[]>[]
  servers?: { url: string }[]
}

/** Every schema object in the document: walks all nodes except examples (whose values are data). */
function walkSchemas(node: unknown, visit: (o: Record<string, any>) => void) {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) { for (const n of node) walkSchemas(n, visit); return }
  const o = node as Record<string, any>
  visit(o)
  for (const [k, v] of Object.entries(o)) {
    if (k === 'example' || k === 'examples') continue
    walkSchemas(v, visit)
  }
}

/** Objects that list their properties admit no others (OpenAPI leaves them open by default). */
function closeObjects(doc: OpenApiDoc) {
  walkSchemas(doc, (o) => {
    const props = o.properties
    if (props && typeof props === 'object' && !Array.isArray(props) && Object.keys(props).length > 0 && o.additionalProperties === undefined) {
      o.additionalProperties = false
    }
  })
}

/**
 * OpenAPI 3.0's `nullable` means "or null"; Ajv accepts it only beside `type`. Elsewhere (next
 * to a $ref or oneOf) it is rewritten to the JSON Schema it stands for. Not a deviation.
 */
function nullableToAnyOf(doc: OpenApiDoc) {
  walkSchemas(doc, (o) => {
    if (o.nullable === true && o.type === undefined) {
      const { nullable: _n, ...inner } = o
      for (const k of Object.keys(o)) delete o[k]
      o.anyOf = [inner, { type: 'null' }]
    }
  })
}

export function loadSpec(provider: SpecProvider): OpenApiDoc {
  const text = readFileSync(resolve(here, '../specs', FILES[provider]), 'utf8')
  const doc = JSON.parse(text) as OpenApiDoc
  for (const patch of SPEC_PATCHES.filter(p => p.provider === provider)) walkSchemas(doc, patch.apply)
  nullableToAnyOf(doc)
  closeObjects(doc)
  return doc
}
