/**
 * Checks sandbox traffic against the providers' OpenAPI files: the request an adapter sends
 * (path, method, auth, parameters, body) and the answer a simulator gives (status, body).
 * A finding that `deviations.ts` lists is allowed; any other one is a violation.
 */
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { DEVIATIONS, type ViolationKind } from './deviations'
import { loadSpec, type OpenApiDoc, type SpecProvider } from './specs'

export interface Violation {
  provider: SpecProvider
  kind: ViolationKind
  method: string
  /** The path as sent (below the simulator's mount point). */
  path: string
  /** The spec's path template, when one matched. */
  operation?: string
  status?: number
  message: string
}

export interface ContractRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  rawBody: string
}

export interface MatchedOperation { template: string, method: string, op: Record<string, any>, pathItem: Record<string, any> }

const escapePointer = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))

interface CompiledPath { template: string, re: RegExp, params: number }

class ProviderContract {
  private ajv: Ajv
  private paths: CompiledPath[]
  private validators = new Map<string, ValidateFunction>()

  constructor(readonly provider: SpecProvider, readonly doc: OpenApiDoc) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false, coerceTypes: false })
    addFormats(this.ajv)
    this.ajv.addSchema(doc as object, `spec-${provider}`)
    // Literal paths before templated ones: `/servers/user/{id}` is not `/servers/{serverId}`.
    this.paths = Object.keys(doc.paths).map((template) => {
      const parts = template.split('/').map(s => (/^\{.+\}$/.test(s) ? '([^/]+)' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      return { template, re: new RegExp(`^${parts.join('/')}/?$`), params: (template.match(/\{/g) ?? []).length }
    }).sort((a, b) => a.params - b.params)
  }

  private validator(pointer: string, coerce = false): ValidateFunction {
    const key = `${coerce}:${pointer}`
    let v = this.validators.get(key)
    if (!v) {
      const ajv = coerce ? this.coercing() : this.ajv
      v = ajv.compile({ $ref: `spec-${this.provider}#${pointer}` })
      this.validators.set(key, v)
    }
    return v
  }

  private coercingAjv?: Ajv
  /** Query, path and form values arrive as strings; the spec types them. */
  coercing(): Ajv {
    if (!this.coercingAjv) {
      this.coercingAjv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false, coerceTypes: true })
      addFormats(this.coercingAjv)
      this.coercingAjv.addSchema(this.doc as object, `spec-${this.provider}`)
    }
    return this.coercingAjv
  }

  private errorsOf(v: ValidateFunction): string {
    return (v.errors ?? []).slice(0, 5).map(e => `${e.instancePath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${(e.params as any).additionalProperty}"` : ''}`).join('; ')
  }

  match(method: string, path: string): MatchedOperation | 'no-path' | 'no-method' {
    const m = method.toLowerCase()
    let pathFound = false
    for (const p of this.paths) {
      if (!p.re.test(path)) continue
      pathFound = true
      const pathItem = this.doc.paths[p.template]!
      if (pathItem[m]) return { template: p.template, method: m, op: pathItem[m], pathItem }
    }
    return pathFound ? 'no-method' : 'no-path'
  }

  checkRequest(req: ContractRequest): { op?: MatchedOperation, found: Omit<Violation, 'provider'>[] } {
    const found: Omit<Violation, 'provider'>[] = []
    const base = { method: req.method, path: req.path }
    const op = this.match(req.method, req.path)
    if (op === 'no-path') return { found: [{ ...base, kind: 'unknown-path', message: `${req.method} ${req.path} is not in the spec` }] }
    if (op === 'no-method') return { found: [{ ...base, kind: 'unknown-method', message: `${req.method} is not documented for ${req.path}` }] }
    const at = { ...base, operation: op.template }
    const opPointer = `/paths/${escapePointer(op.template)}/${op.method}`

    // Auth: one of the operation's (or the document's) security requirements must be met.
    const security = (op.op.security ?? this.doc.security ?? []) as Record<string, string[]>[]
    if (security.length && !security.some(reqt => Object.keys(reqt).every(name => this.authPresent(name, req)))) {
      found.push({ ...at, kind: 'auth', message: `no credentials in the documented form (${security.map(s => Object.keys(s).join('+')).join(' or ')})` })
    }

    // Path and query parameters.
    const params = [...(op.pathItem.parameters ?? []), ...(op.op.parameters ?? [])] as Record<string, any>[]
    const pathValues = op.template.split('/').reduce<Record<string, string>>((acc, seg, i) => {
      const name = /^\{(.+)\}$/.exec(seg)?.[1]
      if (name) acc[name] = decodeURIComponent(req.path.split('/')[i] ?? '')
      return acc
    }, {})
    params.forEach((param, i) => {
      const p = param.$ref ? this.resolve(param.$ref) : param
      if (p.in !== 'path' && p.in !== 'query') return
      const value = p.in === 'path' ? pathValues[p.name] : req.query[p.name]
      if (value === undefined) {
        if (p.required) found.push({ ...at, kind: 'request-param', message: `required ${p.in} parameter "${p.name}" missing` })
        return
      }
      if (!p.schema) return
      const own = i < (op.pathItem.parameters ?? []).length ? `/paths/${escapePointer(op.template)}/parameters/${i}` : `${opPointer}/parameters/${i - (op.pathItem.parameters ?? []).length}`
      const where = param.$ref ? String(param.$ref).replace(/^#/, '') : own
      const v = this.validator(`${where}/schema`, true)
      if (!v(value)) found.push({ ...at, kind: 'request-param', message: `${p.in} parameter "${p.name}"=${JSON.stringify(value)}: ${this.errorsOf(v)}` })
    })

    // Body.
    const rb = op.op.requestBody?.$ref ? this.resolve(op.op.requestBody.$ref) : op.op.requestBody
    const contentType = String(headerOf(req.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const hasBody = req.rawBody.length > 0
    if (!rb) {
      if (hasBody && req.rawBody.trim() !== '{}') found.push({ ...at, kind: 'request-body', message: `body sent to an operation that takes none: ${req.rawBody.slice(0, 120)}` })
    }
    else if (!hasBody) {
      if (rb.required) found.push({ ...at, kind: 'request-body', message: 'required body missing' })
    }
    else {
      const media = Object.keys(rb.content ?? {})
      if (!media.includes(contentType)) {
        found.push({ ...at, kind: 'request-body', message: `body sent as "${contentType || 'no content type'}", the spec takes ${media.join(', ')}` })
      }
      else {
        let body: unknown
        try { body = contentType === 'application/json' ? JSON.parse(req.rawBody) : Object.fromEntries(new URLSearchParams(req.rawBody)) }
        catch { found.push({ ...at, kind: 'request-body', message: 'body is not valid JSON' }) }
        if (body !== undefined && rb.content[contentType]?.schema) {
          const v = this.validator(`${opPointer}/requestBody/content/${escapePointer(contentType)}/schema`, contentType !== 'application/json')
          if (!v(body)) found.push({ ...at, kind: 'request-body', message: this.errorsOf(v) })
        }
      }
    }
    return { op, found }
  }

  checkResponse(req: ContractRequest, op: MatchedOperation, status: number, contentType: string | undefined, body: unknown): Omit<Violation, 'provider'>[] {
    const at = { method: req.method, path: req.path, operation: op.template, status }
    const responses = op.op.responses ?? {}
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find(k => k in responses)
    if (!key) return [{ ...at, kind: 'response-status', message: `HTTP ${status} is not documented (documented: ${Object.keys(responses).join(', ')})` }]
    const resp = responses[key].$ref ? this.resolve(responses[key].$ref) : responses[key]
    const media = String(contentType ?? '').split(';')[0]!.trim().toLowerCase()
    if (media !== 'application/json' || body === undefined) return []
    const schema = resp.content?.['application/json']?.schema
    if (!schema) {
      const declared = Object.keys(resp.content ?? {})
      return declared.length ? [{ ...at, kind: 'response-body', message: `JSON answer where the spec gives ${declared.join(', ')}` }] : []
    }
    const respPointer = responses[key].$ref ? String(responses[key].$ref).replace(/^#/, '') : `/paths/${escapePointer(op.template)}/${op.method}/responses/${key}`
    const v = this.validator(`${respPointer}/content/application~1json/schema`)
    return v(body) ? [] : [{ ...at, kind: 'response-body', message: this.errorsOf(v) }]
  }

  private resolve(ref: string): any {
    return ref.replace(/^#\//, '').split('/').reduce((o: any, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], this.doc)
  }

  private authPresent(schemeName: string, req: ContractRequest): boolean {
    const scheme = this.doc.components?.securitySchemes?.[schemeName]
    if (!scheme) return true
    if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return /^Bearer\s+\S+/.test(String(headerOf(req.headers, 'authorization') ?? ''))
    if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') return /^Basic\s+\S+/.test(String(headerOf(req.headers, 'authorization') ?? ''))
    if (scheme.type === 'apiKey' && scheme.in === 'header') return !!headerOf(req.headers, scheme.name)
    if (scheme.type === 'apiKey' && scheme.in === 'query') return req.query[scheme.name] !== undefined
    return true
  }
}

function headerOf(headers: ContractRequest['headers'], name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

function allowed(provider: SpecProvider, v: Omit<Violation, 'provider'>): boolean {
  return DEVIATIONS.some(d => d.provider === provider
    && d.kinds.includes(v.kind)
    && (!d.method || d.method === v.method.toUpperCase())
    && (!d.path || d.path.test(v.operation ?? v.path))
    && (!d.status || d.status.includes(v.status ?? -1))
    && (!d.message || d.message.test(v.message)))
}

const contracts = new Map<SpecProvider, ProviderContract>()
function contractOf(provider: SpecProvider): ProviderContract {
  let c = contracts.get(provider)
  if (!c) { c = new ProviderContract(provider, loadSpec(provider)); contracts.set(provider, c) }
  return c
}

export const SPEC_PROVIDERS: SpecProvider[] = ['virtfusion', 'hostinger', 'virtua']
export const hasSpec = (p: string): p is SpecProvider => (SPEC_PROVIDERS as string[]).includes(p)

/** Checks one exchange; returns only the violations `deviations.ts` does not allow. */
export function checkExchange(provider: SpecProvider, req: ContractRequest, res?: { status: number, contentType?: string, body?: unknown }): Violation[] {
  const c = contractOf(provider)
  const { op, found } = c.checkRequest(req)
  if (op && res) found.push(...c.checkResponse(req, op, res.status, res.contentType, res.body))
  return found.filter(v => !allowed(provider, v)).map(v => ({ provider, ...v }))
}

/** The documented example answer of the operation `method path` with `status`, if the spec has one. */
export function exampleFor(provider: SpecProvider, method: string, path: string, status: number): unknown {
  const c = contractOf(provider)
  const op = c.match(method, path)
  if (typeof op === 'string') return undefined
  const resp = op.op.responses?.[String(status)]
  const media = resp?.content?.['application/json']
  if (!media) return undefined
  if (media.example !== undefined) return media.example
  const first = Object.values(media.examples ?? {})[0] as { value?: unknown } | undefined
  return first?.value
}
