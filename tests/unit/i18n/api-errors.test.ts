/**
 * Every refusal code the server sends has a Russian sentence, and every pattern's replacement only
 * names groups its English pattern has. Codes are read from the source: the third argument of each
 * httpError(…) call and the provider error kinds.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RU_ERRORS, RU_UNCODED } from '../../../server/i18n/errors-ru'
import { RU_ISSUES } from '../../../server/i18n/issues-ru'
import { STATUS_FOR } from '../../../server/providers/errors'
import { translateError, translateIssue } from '../../../server/i18n/translate'
import { fromAcceptLanguage } from '../../../server/lib/request-locale'

const root = join(import.meta.dirname, '../../..')
const walk = (dir: string): string[] => readdirSync(join(root, dir)).flatMap((n) => {
  const p = join(dir, n)
  return statSync(join(root, p)).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []
})

/** The arguments of a call starting at `open` (just after its parenthesis), split at top-level commas. */
function callArguments(src: string, open: number): string[] {
  const args: string[] = []
  let depth = 0
  let quote: string | null = null
  let start = open
  for (let i = open; i < src.length; i++) {
    const c = src[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === '\'' || c === '"' || c === '`') quote = c
    else if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) {
      if (depth === 0) return [...args, src.slice(start, i).trim()]
      depth--
    }
    else if (c === ',' && depth === 0) {
      args.push(src.slice(start, i).trim())
      start = i + 1
    }
  }
  return args
}

function codesSent(): Set<string> {
  const codes = new Set<string>(Object.keys(STATUS_FOR))
  for (const file of walk('server')) {
    const src = readFileSync(join(root, file), 'utf8')
    for (const m of src.matchAll(/\bhttpError\(/g)) {
      const code = callArguments(src, m.index! + m[0].length)[2]?.match(/^'([a-z_]+)'$/)?.[1]
      if (code) codes.add(code)
    }
  }
  return codes
}

const groups = (re: RegExp) => new RegExp(`${re.source}|`).exec('')!.length - 1
const named = (ru: string) => [...ru.matchAll(/\$(\d)/g)].map(m => Number(m[1]))

describe('API error sentences in Russian', () => {
  it('cover every code the server sends', () => {
    const codes = codesSent()
    expect(codes.size).toBeGreaterThan(60)
    expect([...codes].filter(c => !RU_ERRORS[c]).sort()).toEqual([])
  })

  it('patterns only use the groups they capture', () => {
    const all = [...Object.values(RU_ERRORS).flatMap(e => e.patterns ?? []), ...RU_UNCODED, ...RU_ISSUES]
    for (const [re, ru] of all) expect(Math.max(0, ...named(ru)), `${re}`).toBeLessThanOrEqual(groups(re))
  })

  it('keep the specifics of a sentence and fall back to the code\'s general one', () => {
    expect(translateError('ru', 'No provider account named "hz-1"', 'provider_not_found')).toBe('Нет учётной записи провайдера «hz-1»')
    expect(translateError('ru', 'Something new', 'provider_not_found')).toBe('Такой учётной записи провайдера нет')
    expect(translateError('en', 'No such server', 'server_not_found')).toBe('No such server')
    expect(translateError('ru', 'web-1 is already stopped', 'invalid_state')).toBe('Сервер web-1 уже остановлен')
    expect(translateError('ru', 'Something else entirely', 'no_such_code')).toBe('Something else entirely')
    expect(translateIssue('ru', 'Passwords need at least 12 characters')).toBe('Пароль должен быть не короче 12 символов')
  })

  it('read Accept-Language by preference', () => {
    expect(fromAcceptLanguage('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru')
    expect(fromAcceptLanguage('de-DE,en;q=0.5,ru;q=0.7')).toBe('ru')
    expect(fromAcceptLanguage('en-GB')).toBe('en')
    expect(fromAcceptLanguage('de, fr')).toBeNull()
    expect(fromAcceptLanguage('ru;q=0, en;q=0.1')).toBe('en')
    expect(fromAcceptLanguage(undefined)).toBeNull()
  })
})
