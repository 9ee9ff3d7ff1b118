/**
 * The language of a request's answer sentences: the panel's own language cookie (what the browser
 * shows), else the request's Accept-Language (scripts choose here), else the caller's saved choice,
 * else English. Codes never change with the language; only `error` sentences do.
 */
import type { H3Event } from 'h3'
import { getCookie, getRequestHeader } from 'h3'
import { LOCALES, type Locale } from '#shared/schemas/users'

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v)

/** The best of our languages in an Accept-Language header ("ru-RU,ru;q=0.9,en;q=0.8" → ru), by q. */
export function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null
  const ranked = header.split(',').map((part, i) => {
    const [tag = '', ...params] = part.trim().split(';')
    const q = Number(params.find(p => p.trim().startsWith('q='))?.trim().slice(2) ?? 1)
    return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i }
  }).filter(x => x.q > 0).sort((a, b) => b.q - a.q || a.i - b.i)
  return ranked.map(x => x.lang).find(isLocale) ?? null
}

export function requestLocale(event: H3Event): Locale {
  const cookie = getCookie(event, 'i18n_locale')
  if (isLocale(cookie)) return cookie
  const accepted = fromAcceptLanguage(getRequestHeader(event, 'accept-language'))
  if (accepted) return accepted
  const saved = (event.context.user as { locale?: unknown } | undefined)?.locale
  return isLocale(saved) ? saved : 'en'
}
