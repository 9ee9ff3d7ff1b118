/**
 * API sentences in the caller's language: Accept-Language (what a script sends), the panel's
 * language cookie (what the browser shows), or the language saved on the account. The `code` and
 * the details never change with the language.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { Client, adminClient } from './helpers'

let admin: Client
beforeAll(async () => { admin = await adminClient() })

const RU = { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' }

describe('error sentences follow the language', () => {
  it('a refused sign-in says it in Russian for Accept-Language ru, with the same code', async () => {
    const en = await new Client().post('/api/auth/login', { email: 'nobody@example.com', password: 'wrong-password-1' })
    const ru = await new Client().post('/api/auth/login', { email: 'nobody@example.com', password: 'wrong-password-1' }, RU)
    expect(en.status).toBe(401)
    expect(ru.status).toBe(401)
    expect(en.body).toMatchObject({ error: 'Wrong email or password', code: 'invalid_credentials' })
    expect(ru.body).toMatchObject({ error: 'Неверный email или пароль', code: 'invalid_credentials' })
  })

  it('invalid input names each field in Russian, our own messages and zod\'s', async () => {
    const r = await new Client().post('/api/setup', { email: 'not-an-email', name: '', password: 'x' }, RU)
    // Setup is done already in this suite (409) or refuses the input (400); the input check comes first.
    expect(r.status).toBe(400)
    expect(r.body.code).toBe('invalid_input')
    expect(r.body.error).toMatch(/^Неверные данные \(тело запроса\): /)
    const byPath = Object.fromEntries((r.body.details.issues as { path: string, message: string }[]).map(i => [i.path, i.message]))
    expect(byPath.email).toBe('Введите корректный email')
    expect(byPath.name).toBe('Укажите название')
    expect(byPath.password).toBe('Пароль должен быть не короче 12 символов')
  })

  it('a sentence with specifics keeps them', async () => {
    const r = await admin.req('GET', '/api/hosting/providers/no-such-account', undefined, RU)
    expect(r.status).toBe(404)
    expect(r.body).toMatchObject({ code: 'provider_not_found', error: 'Нет учётной записи провайдера «no-such-account»' })
  })

  it('the panel\'s language cookie counts like Accept-Language, and beats it', async () => {
    const r = await new Client().req('POST', '/api/auth/login', { email: 'nobody@example.com', password: 'wrong-password-1' }, { 'accept-language': 'en', 'cookie': 'i18n_locale=ru' })
    expect(r.body.error).toBe('Неверный email или пароль')
  })

  it('the language saved on the account answers a request that names none, and PATCH /api/auth/me saves it', async () => {
    const me = await adminClient()
    const bare = { 'accept-language': '' }
    expect((await me.req('GET', '/api/servers/00000000-0000-4000-8000-000000000000', undefined, bare)).body.error).toBe('No such server')
    const saved = await me.patch('/api/auth/me', { locale: 'ru' })
    expect(saved.status).toBe(200)
    expect(saved.body).toEqual({ status: 'updated', locale: 'ru' })
    expect((await me.get('/api/auth/me')).body.user.locale).toBe('ru')
    const r = await me.req('GET', '/api/servers/00000000-0000-4000-8000-000000000000', undefined, bare)
    expect(r.body).toMatchObject({ code: 'server_not_found', error: 'Такого сервера нет' })
    expect((await me.patch('/api/auth/me', { locale: 'de' })).status).toBe(400)
    expect((await me.patch('/api/auth/me', { locale: 'en' })).status).toBe(200)
  })
})
