/**
 * API sentences in the request's language (server/lib/request-locale.ts). English is what the code
 * writes; other languages are looked up here, so a refusal's code and details never change.
 */
import type { Locale } from '#shared/schemas/users'
import { RU_ERRORS, RU_UNCODED } from './errors-ru'
import { RU_ISSUES } from './issues-ru'

function byPattern(english: string, patterns: [RegExp, string][] | undefined): string | null {
  for (const [re, ru] of patterns ?? []) if (re.test(english)) return english.replace(re, ru)
  return null
}

/** The `error` sentence of a refusal with this code, in the locale (English as given when none is known). */
export function translateError(locale: Locale, english: string, code?: string): string {
  if (locale === 'en') return english
  const entry = code ? RU_ERRORS[code] : undefined
  if (!entry) return byPattern(english, RU_UNCODED) ?? english
  // Field-by-field input sentences are written in the request's language where they are made
  // (utils/validate.ts); only the fixed English ones are rewritten here.
  if (code === 'invalid_input') return byPattern(english, entry.patterns) ?? english
  return byPattern(english, entry.patterns) ?? entry.general
}

/** One field's message from our own schemas, in the locale. */
export function translateIssue(locale: Locale, english: string): string {
  if (locale === 'en') return english
  return byPattern(english, RU_ISSUES) ?? english
}

/** "Invalid input" in the locale, for the 400 `invalid_input` sentence that lists each field. */
export function invalidInputLead(locale: Locale): string {
  return locale === 'ru' ? 'Неверные данные' : 'Invalid input'
}
