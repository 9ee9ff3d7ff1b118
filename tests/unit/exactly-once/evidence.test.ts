/** The reconciliation rule: settle only on evidence tying one object to this intent. */
import { describe, expect, it } from 'vitest'
import { decide, type DecideInput } from '../../../server/services/exactly-once/evidence'
import { canonicalJson, definiteFailure, parseIdempotencyKey, requestHash } from '../../../server/services/exactly-once/keys'
import { providerError } from '../../../server/providers/errors'
import { httpError } from '../../../server/lib/http-errors'

const base = (over: Partial<DecideInput>): DecideInput => ({ now: [], before: [], names: [], uniqueMarker: null, owned: new Set(), rivals: [], ...over })
const obj = (id: string, ...marks: string[]) => ({ id, marks })

describe('decide', () => {
  it('settles on our own marker, wherever the object is', () => {
    const v = decide(base({ now: [obj('1', 'web'), obj('2', 'eo-abc')], before: ['1', '2'], names: ['eo-abc'], uniqueMarker: 'eo-abc' }))
    expect(v).toEqual({ verdict: 'settle', upstreamId: '2', how: 'marker' })
  })

  it('sends a marker on an object another intent owns, or on two objects, to review', () => {
    expect(decide(base({ now: [obj('2', 'eo-abc')], uniqueMarker: 'eo-abc', owned: new Set(['2']) }))).toMatchObject({ verdict: 'review', candidates: ['2'] })
    expect(decide(base({ now: [obj('2', 'eo-abc'), obj('3', 'eo-abc')], uniqueMarker: 'eo-abc' }))).toMatchObject({ verdict: 'review', candidates: ['2', '3'] })
  })

  it('waits when the marker is nowhere (never falls back to "the newest server")', () => {
    expect(decide(base({ now: [obj('9', '')], before: [], uniqueMarker: 'eo-abc', names: ['eo-abc'] }))).toEqual({ verdict: 'wait' })
  })

  it('settles on the one new object carrying the requested hostname', () => {
    const v = decide(base({ now: [obj('1', 'a.example.com'), obj('2', 'b.example.com'), obj('3', 'other.example.com')], before: ['1'], names: ['B.example.com'] }))
    expect(v).toEqual({ verdict: 'settle', upstreamId: '2', how: 'difference' })
  })

  it('without names (Inferno): one new order settles; two go to review', () => {
    expect(decide(base({ now: [obj('1'), obj('2')], before: ['1'] }))).toEqual({ verdict: 'settle', upstreamId: '2', how: 'difference' })
    expect(decide(base({ now: [obj('1'), obj('2'), obj('3')], before: ['1'] }))).toMatchObject({ verdict: 'review', candidates: ['2', '3'] })
  })

  it('skips new objects other intents own (their own evidence), and waits if nothing is left', () => {
    expect(decide(base({ now: [obj('1'), obj('2')], before: ['1'], owned: new Set(['2']) }))).toEqual({ verdict: 'wait' })
  })

  it('sends a new object another unsettled intent could also claim to review', () => {
    const rival = { before: ['1'], names: [] }
    expect(decide(base({ now: [obj('1'), obj('2')], before: ['1'], rivals: [rival] }))).toMatchObject({ verdict: 'review', candidates: ['2'] })
    // A rival that saw the object before its own call, or asked for another hostname, cannot claim it.
    expect(decide(base({ now: [obj('1'), obj('2')], before: ['1'], rivals: [{ before: ['1', '2'], names: [] }] }))).toMatchObject({ verdict: 'settle' })
    expect(decide(base({ now: [obj('2', 'a.example.com')], names: ['a.example.com'], rivals: [{ before: [], names: ['z.example.com'] }] }))).toMatchObject({ verdict: 'settle' })
  })
})

describe('rules', () => {
  it('one key rule: 8–200 visible ASCII; none means keyless', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull()
    expect(parseIdempotencyKey('  ')).toBeNull()
    expect(parseIdempotencyKey(' 0f8fad5b-d9cb-469f-a165-70867728950e ')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e')
    for (const bad of ['short', 'has space inside', 'x'.repeat(201), 'ünïcödé-key']) {
      expect(() => parseIdempotencyKey(bad), bad).toThrow(/Idempotency-Key/)
    }
  })

  it('one canonical hash: key order and undefined do not matter', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: undefined, w: null }] })).toBe('{"a":[{"w":null,"y":2}],"b":1}')
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1, c: undefined }))
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }))
  })

  it('a definite failure is a refusal (4xx, 429, auth, ours); a lost answer is not', () => {
    expect(definiteFailure(providerError('X', 'invalid_request', 'i'))).toBe(true)
    expect(definiteFailure(providerError('X', 'rate_limited', 'r'))).toBe(true)
    expect(definiteFailure(providerError('X', 'provider_auth', 'a'))).toBe(true)
    expect(definiteFailure(providerError('X', 'upstream_error', 'u', { upstreamStatus: 418 }))).toBe(true)
    expect(definiteFailure(httpError(409, 'owned', 'domain_owned'))).toBe(true)
    expect(definiteFailure(providerError('X', 'timeout', 't'))).toBe(false)
    expect(definiteFailure(providerError('X', 'network_error', 'n'))).toBe(false)
    expect(definiteFailure(providerError('X', 'bad_response', 'html'))).toBe(false)
    expect(definiteFailure(providerError('X', 'upstream_error', 'u', { upstreamStatus: 500 }))).toBe(false)
    expect(definiteFailure(new Error('boom'))).toBe(false)
  })
})
