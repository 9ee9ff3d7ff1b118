/**
 * Refuses control characters (NUL and friends) in every /api request before any handler runs:
 * path segments, query keys and values, and body strings. Handlers need not think about it, and
 * a NUL can no longer reach PostgreSQL as a 500. Body strings may hold tab and line breaks
 * (zone files, descriptions); paths and queries may not.
 */
import { getQuery, readBody } from 'h3'
import { findControlChar, hasControlChar } from '../lib/control-chars'
import { httpError } from '../lib/http-errors'

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export default defineEventHandler(async (event) => {
  const [rawPath = ''] = event.path.split('?')
  if (!rawPath.startsWith('/api/')) return

  for (const segment of rawPath.split('/')) {
    let decoded: string
    try { decoded = decodeURIComponent(segment) }
    catch { throw httpError(400, 'The request path is not validly encoded', 'invalid_input') }
    if (hasControlChar(decoded)) throw httpError(400, 'The request path contains a control character', 'invalid_input')
  }

  const inQuery = findControlChar(getQuery(event))
  if (inQuery) throw httpError(400, `Invalid query: ${inQuery} contains a control character`, 'invalid_input')

  if (!WITH_BODY.has(event.method)) return
  const h = event.node.req.headers
  if (!h['transfer-encoding'] && !Number(h['content-length'] ?? 0)) return
  // readBody caches what it parsed, so the handler reads the same body again for free.
  const body = await readBody(event)
  const inBody = findControlChar(body, true)
  if (inBody) throw httpError(400, `Invalid body: ${inBody} contains a control character`, 'invalid_input')
})
