/**
 * VirtFusion's answer shapes: `{"errors":[…]}` for refusals (the one error body the spec
 * documents, on POST /servers 422), Laravel's paginator for lists, `{"data":…}` for records.
 */
import type { SimRequest, SimResponse } from '../../core/router'

export const UNAUTHORIZED: SimResponse = { status: 401, text: '401 Unauthorized', contentType: 'application/octet-stream' }

export function errors(status: number, ...messages: string[]): SimResponse {
  return { status, json: { errors: messages } }
}

export const notFound = (what: string) => errors(404, `${what} not found`)
export const noContent: SimResponse = { status: 204 }

/** A positive integer as JSON sends it (not a numeric string, not an email). */
export function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0
}

/** A path id: digits only, else VirtFusion's validator refuses it (422). */
export function pathId(req: SimRequest, name: string): number | SimResponse {
  const raw = req.params[name] ?? ''
  return /^\d+$/.test(raw) ? Number(raw) : errors(422, `The ${name} must be an integer.`)
}

export function isResponse(v: unknown): v is SimResponse {
  return typeof v === 'object' && v !== null
}

/** Laravel's length-aware paginator, as the spec's list examples show it. */
export function paginate<T>(req: SimRequest, prefix: string, items: T[]): SimResponse {
  const perPage = Math.min(200, Math.max(1, Number.parseInt(req.query.results ?? '20', 10) || 20))
  const total = items.length
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const page = Math.max(1, Number.parseInt(req.query.page ?? '1', 10) || 1)
  const start = (page - 1) * perPage
  const slice = items.slice(start, start + perPage)
  const host = typeof req.headers.host === 'string' ? req.headers.host : 'sandbox'
  const path = `http://${host}${prefix}${req.path}`
  const url = (p: number) => `${path}?results=${perPage}&page=${p}`
  return {
    json: {
      current_page: page,
      data: slice,
      first_page_url: url(1),
      from: slice.length ? start + 1 : null,
      last_page: lastPage,
      last_page_url: url(lastPage),
      links: [
        { url: page > 1 ? url(page - 1) : null, label: '&laquo; Previous', active: false },
        ...Array.from({ length: lastPage }, (_, i) => ({ url: url(i + 1), label: String(i + 1), active: i + 1 === page })),
        { url: page < lastPage ? url(page + 1) : null, label: 'Next &raquo;', active: false },
      ],
      next_page_url: page < lastPage ? url(page + 1) : null,
      path,
      per_page: perPage,
      prev_page_url: page > 1 ? url(page - 1) : null,
      to: slice.length ? start + slice.length : null,
      total,
    },
  }
}
