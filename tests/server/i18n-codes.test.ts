/**
 * Sentences the pages translate come with a code and its specifics, whatever the request's
 * language; the English sentence stays for API clients (issue 15): a connection test's outcome,
 * and a provider's capability notes and fact sentences with their message keys.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Client } from './helpers'
import { adminClient, sandboxUrl } from './helpers'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'

let admin: Client
beforeAll(async () => { admin = await adminClient() })

const RU = { 'accept-language': 'ru-RU,ru;q=0.9' }

describe('codes and params for the pages, English for API clients', () => {
  it('a connection test in Russian answers with a code, its params and the English message', async () => {
    const made = await admin.post('/api/hosting/providers/i18n-virtua/configure', { type: 'virtua', api_key: SANDBOX_CREDENTIALS.virtua.api_key, extra: { ...SANDBOX_CREDENTIALS.virtua.extra, base_url: sandboxBaseUrl(sandboxUrl(), 'virtua') } })
    expect(made.status).toBe(201)
    const r = await admin.req('POST', '/api/hosting/providers/i18n-virtua/test', undefined, RU)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ status: 'ok', code: 'connected_balance', params: { provider: 'Virtua.cloud', balance: expect.any(String) } })
    expect(r.body.message).toMatch(/^Virtua\.cloud connection successful\. Balance: /)
    const list = await admin.req('GET', '/api/hosting/providers', undefined, RU)
    const mine = list.body.find((a: any) => a.name === 'i18n-virtua')
    expect(mine.last_test).toMatchObject({ ok: true, code: 'connected_balance', params: { provider: 'Virtua.cloud' }, message: r.body.message })
  })

  it('a failed connection test records the refusal\'s code', async () => {
    await admin.post('/api/hosting/providers/i18n-bad/configure', { type: 'virtua', api_key: 'wrong-key-5678', extra: { base_url: sandboxBaseUrl(sandboxUrl(), 'virtua') } })
    const t = await admin.req('POST', '/api/hosting/providers/i18n-bad/test', undefined, RU)
    expect(t.status).toBe(502)
    const mine = (await admin.get('/api/hosting/providers')).body.find((a: any) => a.name === 'i18n-bad')
    expect(mine.last_test).toMatchObject({ ok: false, code: 'provider_auth', params: { provider: expect.any(String) } })
    expect(mine.last_test.message).toMatch(/virtua/i)
    await admin.req('DELETE', '/api/hosting/providers/i18n-bad')
    await admin.req('DELETE', '/api/hosting/providers/i18n-virtua')
  })

  it('provider metadata in Russian carries each English note with its message key', async () => {
    const r = await admin.req('GET', '/api/hosting/provider-types', undefined, RU)
    expect(r.status).toBe(200)
    const inferno = r.body.find((k: any) => k.type === 'inferno')
    expect(inferno.capabilities.suspend).toMatchObject({ supported: false, note: expect.stringMatching(/^The Inferno client API/), note_key: 'providerFacts.inferno.capabilities.suspend' })
    const hostinger = r.body.find((k: any) => k.type === 'hostinger')
    expect(hostinger.facts.password_rule).toMatchObject({ hint_key: 'providerFacts.hostinger.password_rule.hint', message_key: 'providerFacts.hostinger.password_rule.message', hint: expect.any(String) })
    expect(hostinger.facts.create.needs_credential_key).toBe('providerFacts.hostinger.create.needs_credential')
  })
})
