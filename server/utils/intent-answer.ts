import type { H3Event } from 'h3'

/**
 * How a route answers an exactly-once request: the intent in `Intent-Id`, a repeat marked
 * `Idempotent-Replayed`, and 202 `{ status, intent, message }` while a lost answer is checked.
 */
export function intentAnswer<T>(event: H3Event, out: { intent: { id: string, state: string }, replayed: boolean, done: boolean, answer?: T }, pending: string): T | { status: string, intent: { id: string, state: string }, message: string } {
  setResponseHeader(event, 'Intent-Id', out.intent.id)
  if (out.replayed) setResponseHeader(event, 'Idempotent-Replayed', 'true')
  if (out.done) return out.answer as T
  setResponseStatus(event, 202)
  return { status: out.intent.state, intent: out.intent, message: pending }
}
