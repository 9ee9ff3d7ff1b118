/**
 * Every route file under server/api is in the OpenAPI document with its method and path, and
 * the document describes nothing that has no file. A failure prints the exact `METHOD path`
 * list to add to server/openapi/routes/<domain>.ts.
 */
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../../../server/openapi/document'
import { routeOfFile } from '../../../server/openapi/file-routes'

const API_DIR = resolve(import.meta.dirname, '../../../server/api')

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? routeFiles(join(dir, e.name)) : /\.(ts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [])
}

const doc = buildOpenApiDocument({ includeTestRoutes: true })
const documented = new Set(Object.entries(doc.paths ?? {}).flatMap(([path, item]) => Object.keys(item as object).filter(k => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map(m => `${m.toUpperCase()} ${path}`)))
const files = routeFiles(API_DIR).map(routeOfFile)

describe('OpenAPI document covers server/api', () => {
  it('maps Nitro file names to OpenAPI paths', () => {
    expect(routeOfFile('/x/server/api/servers/[id]/index.get.ts')).toMatchObject({ method: 'GET', path: '/api/servers/{id}' })
    expect(routeOfFile('server/api/servers/[id]/actions/[action].post.ts')).toMatchObject({ method: 'POST', path: '/api/servers/{id}/actions/{action}' })
    expect(routeOfFile('server/api/index.get.ts')).toMatchObject({ method: 'GET', path: '/api' })
    expect(routeOfFile('server/api/files/[...slug].put.ts')).toMatchObject({ method: 'PUT', path: '/api/files/{slug}' })
    expect(routeOfFile('server/api/openapi.json.get.ts')).toMatchObject({ method: 'GET', path: '/api/openapi.json' })
    expect(routeOfFile('server/api/catch-all.ts')).toMatchObject({ method: 'ALL', path: '/api/catch-all' })
  })

  it('has every route file', () => {
    const missing = files.filter(f => !documented.has(`${f.method} ${f.path}`))
    const list = missing.map(f => `  ${f.method} ${f.path}    (${f.file.slice(API_DIR.length + 1)})`).join('\n')
    expect(missing.length, `Route files missing from the OpenAPI document (add them to server/openapi/routes/<domain>.ts):\n${list}\n`).toBe(0)
  })

  it('describes no route that has no file', () => {
    const served = new Set(files.map(f => `${f.method} ${f.path}`))
    const extra = [...documented].filter(r => !served.has(r))
    expect(extra, `Documented but no route file serves them:\n  ${extra.join('\n  ')}\n`).toEqual([])
  })

  it(`counts: ${files.length} route files, ${documented.size} documented operations`, () => {
    expect(documented.size).toBe(files.length)
  })

  it('gives every operation an error answer in the one shape', () => {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, any>)) {
        expect(op.responses?.default?.content?.['application/json']?.schema, `${method} ${path}`).toEqual({ $ref: '#/components/schemas/Error' })
      }
    }
  })
})
