import { describe, expect, it } from 'vitest'
import { apiError, errorMessage, errorStatus, setErrorFallback } from '../../utils/errors'

// What $fetch / useFetch throw: a FetchError (or NuxtError) with the answer's body in `data`.
const failed = (statusCode: number, data: unknown) => Object.assign(new Error(`[POST] "/api/x": ${statusCode}`), { statusCode, data })

describe('apiError', () => {
  it('reads error, code and the details beside them', () => {
    const plan = { adds: [], summary: 'No changes' }
    const e = apiError<{ plan: typeof plan }>(failed(409, { error: 'Too much', code: 'unsafe_change', plan, destructive: true }))
    expect(e).toEqual({ error: 'Too much', code: 'unsafe_change', status: 409, details: { plan, destructive: true } })
    expect(e.details.plan).toBe(plan)
  })

  it('reads `details` when the API sends it (beside-fields are the older form of the same)', () => {
    const issues = [{ path: 'hostname', message: 'Letters, digits, hyphens and dots' }]
    const e = apiError<{ issues: typeof issues }>(failed(400, { error: 'Invalid input: hostname: …', code: 'invalid_input', details: { issues } }))
    expect(e.details.issues).toEqual(issues)
    const plan = { summary: 'No changes' }
    expect(apiError(failed(409, { error: 'Too much', code: 'unsafe_change', details: { plan }, plan })).details).toEqual({ plan })
  })

  it('falls back to the message of a network failure, with no code or details', () => {
    expect(apiError(new TypeError('fetch failed'))).toEqual({ error: 'fetch failed', code: undefined, status: undefined, details: {} })
    expect(apiError(undefined, 'Could not load')).toMatchObject({ error: 'Could not load' })
  })

  it('takes a non-API body\'s message but not its fields as details', () => {
    expect(apiError(failed(502, { message: 'Bad gateway', stack: 'x' }))).toMatchObject({ error: 'Bad gateway', status: 502, details: {} })
  })

  it('keeps errorMessage and errorStatus as its two common shortcuts', () => {
    expect(errorMessage(failed(404, { error: 'No such server', code: 'not_found' }))).toBe('No such server')
    expect(errorStatus(failed(404, { error: 'No such server' }))).toBe(404)
  })

  it('says "Something went wrong" in the app\'s language when a failure carries no words', () => {
    expect(errorMessage({})).toBe('Something went wrong')
    setErrorFallback(() => 'Что-то пошло не так')
    try {
      expect(errorMessage({})).toBe('Что-то пошло не так')
      expect(errorMessage({}, 'Could not load')).toBe('Could not load')
    }
    finally { setErrorFallback(() => undefined) }
  })
})
