/** Virtua.cloud answer shapes: `{success:true,...}` and `{success:false,error,messages}`. */
import type { SimRequest, SimResponse } from '../../core/router'

export function ok(body: Record<string, unknown> = {}): SimResponse {
  return { json: { success: true, ...body } }
}

/** An action accepted for processing, with its notice ("Start in progress..."). */
export function notice(uuid: string, content: string): SimResponse {
  return ok({ uuid, messages: [{ content, type: 'notice' }] })
}

export function fail(status: number, error: string, message: string): SimResponse {
  return { status, json: { success: false, error, messages: [{ content: message, type: 'error' }] } }
}

/**
 * Request fields, whatever way they came: the reference's curl examples send form data under a
 * JSON content type, which the sandbox could not parse as JSON, so that raw text is read as a form.
 */
export function fields(req: SimRequest): Record<string, string> {
  const out: Record<string, string> = {}
  const body = req.body ?? {}
  const src: Record<string, unknown> = typeof body.__invalidJson === 'string'
    ? Object.fromEntries(new URLSearchParams(body.__invalidJson))
    : body
  for (const [k, v] of Object.entries({ ...req.query, ...src })) {
    if (v !== undefined && v !== null) out[k] = typeof v === 'boolean' ? (v ? '1' : '0') : String(v)
  }
  return out
}

/** First present field among several spellings (the reference and the old spec disagree). */
export function pick(f: Record<string, string>, ...names: string[]): string | undefined {
  for (const n of names) if (f[n] !== undefined && f[n] !== '') return f[n]
  return undefined
}

/** "1"/"true" → true; the API takes booleans as 1/0. */
export function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on' || v === 'yes'
}
