/**
 * Hostinger's answer shapes. Every error carries a `correlation_id` (the spec's
 * Common.Response.* schemas); validation errors are Laravel-style: a summary message plus an
 * `errors` map of field → messages.
 */
import { randomUUID } from 'node:crypto'
import type { SimResponse } from '../../core/router'

export const ok = (json: unknown): SimResponse => ({ status: 200, json })

export function fail(status: number, message: string): SimResponse {
  return { status, json: { message, correlation_id: randomUUID() } }
}

export const unauthenticated = (): SimResponse => fail(401, 'Unauthenticated')

/** 422 with field errors; `null` when there are none. */
export function validation(errors: Record<string, string[]>): SimResponse | null {
  const fields = Object.keys(errors)
  if (!fields.length) return null
  const first = errors[fields[0]!]![0]!
  const more = fields.reduce((n, f) => n + errors[f]!.length, 0) - 1
  const message = more > 0 ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first
  return { status: 422, json: { message, errors, correlation_id: randomUUID() } }
}

/** A refusal about the resource's state rather than the request's fields: 422 without `errors`. */
export const refused = (message: string): SimResponse => fail(422, message)

/** Collects field errors the way Laravel's validator words them. */
export class Errors {
  readonly map: Record<string, string[]> = {}
  add(field: string, message: string) { (this.map[field] ??= []).push(message) }
  required(field: string, value: unknown) {
    const missing = value === undefined || value === null || value === ''
    if (missing) this.add(field, `The ${field.replace(/_/g, ' ')} field is required.`)
    return !missing
  }

  integer(field: string, value: unknown) {
    if (value === undefined || value === null) return false
    if (!Number.isInteger(value)) { this.add(field, `The ${field.replace(/_/g, ' ')} field must be an integer.`); return false }
    return true
  }

  string(field: string, value: unknown) {
    if (value === undefined || value === null) return false
    if (typeof value !== 'string') { this.add(field, `The ${field.replace(/_/g, ' ')} field must be a string.`); return false }
    return true
  }

  invalid(field: string) { this.add(field, `The selected ${field.replace(/_/g, ' ')} is invalid.`) }
  response() { return validation(this.map) }
}
