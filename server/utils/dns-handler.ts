import { defineEventHandler, setResponseHeader, setResponseStatus, type H3Event } from 'h3'
import { isDnsRefusal } from '../services/dns/errors'

/**
 * A handler whose refusals carry details (a plan, per-record or per-line messages) that the
 * global error handler would drop: it answers those itself, in the same `{ error, code }` shape.
 */
export function defineDnsHandler<T>(fn: (event: H3Event) => Promise<T>) {
  return defineEventHandler(async (event) => {
    try {
      return await fn(event)
    }
    catch (e) {
      if (!isDnsRefusal(e)) throw e
      setResponseStatus(event, e.statusCode)
      setResponseHeader(event, 'Cache-Control', 'no-store')
      return e.toBody()
    }
  })
}
