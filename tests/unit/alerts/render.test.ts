import { describe, expect, it } from 'vitest'
import { ALERT_KIND_NAMES, fillPlaceholders, kindsFor } from '../../../shared/alerts/kinds'
import { alertLocale, renderAlert, renderAlertEmail } from '../../../server/services/alerts/render'
import { expiryThreshold } from '../../../server/services/domains/expiry'

describe('alert words', () => {
  it('every kind has a title and body in both languages, with no placeholder left unfilled when its facts are given', () => {
    const params = new Proxy({}, { has: () => true, get: (_t, k) => `<${String(k)}>`, getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true }) }) as Record<string, string>
    for (const locale of ['en', 'ru'] as const) {
      for (const kind of ALERT_KIND_NAMES) {
        const { title, body } = renderAlert(locale, kind, params)
        expect(title, `${locale} ${kind}`).not.toMatch(/\{\w+\}/)
        expect(body, `${locale} ${kind}`).not.toMatch(/\{\w+\}/)
        expect(title.length).toBeGreaterThan(3)
      }
    }
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })

  it('renders the e-mail in English with the product name and a link back', () => {
    const m = renderAlertEmail({ locale: 'en', kind: 'domain_expiring', params: { domain: 'shop.example', days: 7, date: '2026-12-07' }, name: 'Ada', product: 'Acme Cloud', link: '/domains/x/shop.example', panelUrl: 'https://panel.acme.test' })
    expect(m.subject).toBe('[Acme Cloud] shop.example expires in 7 days')
    expect(m.text).toContain('Hello Ada,')
    expect(m.text).toContain('It expires on 2026-12-07.')
    expect(m.text).toContain('Open in Acme Cloud: https://panel.acme.test/domains/x/shop.example')
    expect(m.html).toContain('<a href="https://panel.acme.test/domains/x/shop.example">')
  })

  it('renders the e-mail in Russian, and escapes what goes into HTML', () => {
    const m = renderAlertEmail({ locale: 'ru', kind: 'server_suspended', params: { server: 'web<1>', reason: 'Неоплата & долг' }, name: 'Иван', product: 'Acme Cloud' })
    expect(m.subject).toBe('[Acme Cloud] Ваш сервер web<1> приостановлен')
    expect(m.text).toContain('Здравствуйте, Иван!')
    expect(m.text).not.toContain('Open in')
    expect(m.html).toContain('web&lt;1&gt;')
    expect(m.html).toContain('Неоплата &amp; долг')
    expect(m.html).toContain('lang="ru"')
  })

  it('picks the reader\'s saved language, English otherwise', () => {
    expect(alertLocale('ru')).toBe('ru')
    expect(alertLocale(null)).toBe('en')
    expect(alertLocale('de')).toBe('en')
  })

  it('customers choose only the kinds that concern them', () => {
    expect(kindsFor('customer')).toContain('login_new_ip')
    expect(kindsFor('customer')).not.toContain('balance_low')
    expect(kindsFor('admin')).toEqual(ALERT_KIND_NAMES)
  })

  it('alerts a domain once per threshold: 30, 7 and 1 days', () => {
    expect(expiryThreshold(30)).toBe(30)
    expect(expiryThreshold(20)).toBe(30)
    expect(expiryThreshold(7)).toBe(7)
    expect(expiryThreshold(2)).toBe(7)
    expect(expiryThreshold(1)).toBe(1)
    expect(expiryThreshold(0)).toBe(1)
    expect(expiryThreshold(31)).toBeNull()
  })
})
