import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newWebhookSecret, signWebhook, verifyWebhook } from '../../../server/services/alerts/signing'

describe('webhook signatures', () => {
  const secret = 'whsec_test'
  const body = '{"kind":"balance_low"}'

  it('is sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex')
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`sha256=${expected}`)
  })

  it('verifies only the same secret, timestamp and body', () => {
    const sig = signWebhook(secret, 1_700_000_000, body)
    expect(verifyWebhook(secret, '1700000000', body, sig)).toBe(true)
    expect(verifyWebhook('whsec_other', '1700000000', body, sig)).toBe(false)
    expect(verifyWebhook(secret, '1700000001', body, sig)).toBe(false)
    expect(verifyWebhook(secret, '1700000000', body + ' ', sig)).toBe(false)
    expect(verifyWebhook(secret, '1700000000', body, 'sha256=00')).toBe(false)
  })

  it('makes a new random secret each time', () => {
    const a = newWebhookSecret()
    expect(a).toMatch(/^whsec_[0-9a-f]{48}$/)
    expect(newWebhookSecret()).not.toBe(a)
  })
})
