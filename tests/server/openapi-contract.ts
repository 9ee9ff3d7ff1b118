/**
 * Checks real answers against the OpenAPI document the app serves. Every answer the suite's
 * client gets is checked (checkAgainstDocument, below); `contract.call(client,
 * 'GET', '/api/servers/{id}', { params: { id } })` sends the request and fails when the status
 * is not documented for that operation or the body does not match its schema (ajv, JSON Schema
 * 2020-12, which OpenAPI 3.1 uses). Errors match the operation's 4xx entry or `default`.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import type { ApiResult, Client } from './helpers'

type Doc = { paths: Record<string, Record<string, any>>, components?: Record<string, unknown> }

export interface CallOptions {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
  headers?: Record<string, string>
}

export class Contract {
  private ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
  private cache = new Map<string, ValidateFunction>()
  /** `METHOD /path` of every operation called, and each status seen. */
  readonly seen = new Map<string, Set<number>>()

  constructor(readonly doc: Doc) {}

  static async load(baseUrl: string) {
    const res = await fetch(`${baseUrl}/api/openapi.json`)
    if (!res.ok) throw new Error(`GET /api/openapi.json answered ${res.status}`)
    return new Contract(await res.json() as Doc)
  }

  /** The documented schema for an answer, or a reason why there is none. */
  private validatorFor(method: string, template: string, status: number, contentType: string): ValidateFunction | string | null {
    const op = this.doc.paths[template]?.[method.toLowerCase()]
    if (!op) return `${method} ${template} is not in the document`
    const isError = status >= 400
    const answer = op.responses?.[String(status)] ?? (isError ? op.responses?.default : undefined)
    if (!answer) return `${method} ${template} does not document status ${status}`
    if (!answer.content) return null
    const type = Object.keys(answer.content).find(t => contentType.startsWith(t))
    if (!type) return `${method} ${template} ${status} is documented as ${Object.keys(answer.content).join(', ')}, answered ${contentType}`
    const key = `${method} ${template} ${status} ${type}`
    let v = this.cache.get(key)
    if (!v) {
      v = this.ajv.compile({ ...answer.content[type].schema, components: this.doc.components })
      this.cache.set(key, v)
    }
    return v
  }

  /** The document's path for a real one: `/api/servers/3f…` → `/api/servers/{id}` (literal segments win). */
  templateOf(method: string, path: string): string | undefined {
    const segments = path.split('?')[0]!.split('/')
    let best: { template: string, literal: number } | undefined
    for (const [template, item] of Object.entries(this.doc.paths)) {
      if (!item[method.toLowerCase()]) continue
      const parts = template.split('/')
      if (parts.length !== segments.length) continue
      let literal = 0
      const fits = parts.every((p, i) => {
        if (/^\{\w+\}$/.test(p)) return segments[i] !== ''
        literal++
        return p === segments[i]
      })
      if (fits && (!best || literal > best.literal)) best = { template, literal }
    }
    return best?.template
  }

  check(method: string, template: string, res: ApiResult) {
    const label = `${method} ${template}`
    if (!this.seen.has(label)) this.seen.set(label, new Set())
    this.seen.get(label)!.add(res.status)
    const v = this.validatorFor(method, template, res.status, res.headers.get('content-type') ?? '')
    if (typeof v === 'string') throw new Error(`Contract: ${v}. Body: ${JSON.stringify(res.body).slice(0, 400)}`)
    if (v && !v(res.body)) {
      throw new Error(`Contract: ${label} ${res.status} does not match the document: ${this.ajv.errorsText(v.errors, { separator: '; ' })}\nBody: ${JSON.stringify(res.body).slice(0, 800)}`)
    }
  }

  async call<T = any>(client: Client, method: string, template: string, opts: CallOptions = {}): Promise<ApiResult<T>> {
    let path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = opts.params?.[name]
      if (value === undefined) throw new Error(`no value for {${name}} in ${template}`)
      return encodeURIComponent(value)
    })
    if (opts.query) path += '?' + new URLSearchParams(opts.query).toString()
    const res = await client.req<T>(method, path, opts.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}), opts.headers)
    this.check(method, template, res)
    return res
  }
}

let shared: Promise<Contract> | undefined

/**
 * The suite's client (helpers.ts) checks every answer it gets against the document and fails
 * the test on a mismatch, so the whole server suite is a contract test. OPENAPI_CONTRACT=report
 * only prints mismatches (`[contract] …`) to see what a whole run would find; =0 turns it off.
 */
export async function checkAgainstDocument(baseUrl: string, method: string, path: string, res: ApiResult) {
  const mode = process.env.OPENAPI_CONTRACT ?? '1'
  if (mode === '0') return
  shared ??= Contract.load(baseUrl)
  const contract = await shared
  const template = contract.templateOf(method, path)
  // Paths the document does not have (a probe of a route that does not exist) are not its business.
  if (!template) return
  try { contract.check(method, template, res) }
  catch (e) {
    if (mode === '1') throw e
    console.warn(`[contract] ${(e as Error).message.split('\n')[0]}`)
  }
}
