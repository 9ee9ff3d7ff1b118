/**
 * Hostinger's answer shapes shared by the DNS and domain routes: every body carries a
 * `correlation_id`; validation failures are Laravel-style `{message, errors, correlation_id}`.
 */
import { randomUUID } from 'node:crypto'
import type { SimResponse } from '../../core/router'

export const correlationId = () => randomUUID()

/** `Common.SuccessEmptyResource`. */
export function accepted(): SimResponse {
  return { json: { message: 'Request accepted' } }
}

export function hostingerError(status: number, message: string): SimResponse {
  return { status, json: { message, correlation_id: correlationId() } }
}

/** Field → messages, collected in order like a Laravel validator. */
export class FieldErrors {
  readonly errors: Record<string, string[]> = {}

  add(field: string, message: string) {
    (this.errors[field] ??= []).push(message)
  }

  get count() {
    return Object.values(this.errors).reduce((n, list) => n + list.length, 0)
  }

  /** The 422 body, or null when nothing failed. */
  response(): SimResponse | null {
    const total = this.count
    if (total === 0) return null
    const first = Object.values(this.errors)[0]![0]!
    const more = total - 1
    const message = more ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first
    return { status: 422, json: { message, errors: this.errors, correlation_id: correlationId() } }
  }
}

/** A single-message 422, as Hostinger answers business-rule refusals. */
export function unprocessable(field: string, message: string): SimResponse {
  const e = new FieldErrors()
  e.add(field, message)
  return e.response()!
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i

/**
 * A host name such as `mail.example.com` or `mail.example.com.` (at least two labels, and a
 * top-level label that is not all digits, so an IP address is not one).
 */
export function isHostName(value: string): boolean {
  const v = value.endsWith('.') ? value.slice(0, -1) : value
  if (!v || v.length > 253) return false
  const labels = v.split('.')
  return labels.length >= 2 && labels.every(l => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!)
}

export function isoNoMillis(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function clone<T>(v: T): T {
  return structuredClone(v)
}
