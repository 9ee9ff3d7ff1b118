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
 * Request fields, strictly as seed 001 sends them: form data (`--data 'offer=…' -d 'system=…'`),
 * which its curl examples label `Content-Type: application/json` anyway, so the content type is
 * not trusted. A real JSON object, query parameters or anything else is not read: the fields are
 * then missing, as they would be upstream.
 */
export function fields(req: SimRequest): Record<string, string> {
  const raw = req.rawBody.trim()
  if (!raw || raw.startsWith('{') || raw.startsWith('[')) return {}
  return Object.fromEntries(new URLSearchParams(raw))
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
