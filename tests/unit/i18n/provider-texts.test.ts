/**
 * Every English sentence a provider's metadata writes for people (capability notes, the password
 * rule, the root-password note, the purchase hint) has its message key in every language, and the
 * English message is the metadata's sentence itself. A capability added without its messages fails
 * here with the list of missing keys (the pages meanwhile show the English note).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { providers } from '../../../server/providers/registry'
import { PROVIDER_TEXT_AREA, providerTexts } from '../../../shared/providers/text-keys'
import { CONNECTION_CODES, CONNECTION_FAILURE_CODES } from '../../../shared/providers/connection'
import { ACTION_RESULT_CODES, ACTION_RESULT_PARAMS, resultMessage, type ActionResultCode } from '../../../shared/providers/action-results'

type Tree = { [k: string]: string | Tree }
const dir = join(import.meta.dirname, '../../../i18n/locales')
const messages = (lang: string) => JSON.parse(readFileSync(join(dir, lang, `${PROVIDER_TEXT_AREA}.json`), 'utf8')) as Tree
const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((t, k) => (t && typeof t === 'object' ? t[k] : undefined), tree)

const defs = Object.values(providers)

describe('provider sentences have message keys', () => {
  it.each(['en', 'ru'])('%s: every keyed sentence has its message', (lang) => {
    const tree = messages(lang)
    const missing: string[] = []
    for (const d of defs) {
      for (const key of Object.keys(providerTexts(d.meta.type, d.meta.capabilities, d.meta.facts))) {
        if (typeof lookup(tree, key) !== 'string') missing.push(key)
      }
    }
    expect(missing, `add these keys to i18n/locales/${lang}/${PROVIDER_TEXT_AREA}.json`).toEqual([])
  })

  it('the English message is the metadata sentence (the fallback and the translation agree)', () => {
    const tree = messages('en')
    for (const d of defs) {
      for (const [key, text] of Object.entries(providerTexts(d.meta.type, d.meta.capabilities, d.meta.facts))) {
        const msg = lookup(tree, key)
        if (typeof msg === 'string') expect(msg, key).toBe(text)
      }
    }
  })

  it('the registry sends each sentence with its key', () => {
    for (const d of defs) {
      for (const [group, cap] of Object.entries(d.meta.capabilities)) {
        if (cap?.note) expect(cap.note_key, `${d.meta.type}.${group}`).toBe(`${PROVIDER_TEXT_AREA}.${d.meta.type}.capabilities.${group}`)
      }
      const rule = d.meta.facts.password_rule
      if (rule) expect([rule.hint_key, rule.message_key]).toEqual([`${PROVIDER_TEXT_AREA}.${d.meta.type}.password_rule.hint`, `${PROVIDER_TEXT_AREA}.${d.meta.type}.password_rule.message`])
      if (d.meta.facts.root_password.note) expect(d.meta.facts.root_password.note_key).toBeTruthy()
      if (d.meta.facts.create.needs_credential) expect(d.meta.facts.create.needs_credential_key).toBeTruthy()
    }
  })
})

describe('connection test outcomes have messages', () => {
  const provider = (lang: string) => JSON.parse(readFileSync(join(dir, lang, 'provider.json'), 'utf8')) as Tree
  it.each(['en', 'ru'])('%s: provider.test.<code> for every success and failure code', (lang) => {
    const tree = provider(lang)
    const missing = [...CONNECTION_CODES, ...CONNECTION_FAILURE_CODES].filter(c => typeof lookup(tree, `provider.test.${c}`) !== 'string')
    expect(missing).toEqual([])
  })
})

describe('account settings fields have words', () => {
  const provider = (lang: string) => JSON.parse(readFileSync(join(dir, lang, 'provider.json'), 'utf8')) as Tree
  it.each(['en', 'ru'])('%s: provider.field.<type or common>.<key>.label and .help for every credential and setting', (lang) => {
    const tree = provider(lang)
    const missing: string[] = []
    for (const d of defs) {
      for (const f of [...d.meta.credentials, ...d.meta.settings]) {
        for (const part of ['label', 'help']) {
          const found = [d.meta.type, 'common'].some(scope => typeof lookup(tree, `provider.field.${scope}.${f.key}.${part}`) === 'string')
          if (!found) missing.push(`provider.field.${d.meta.type}.${f.key}.${part}`)
        }
      }
    }
    expect(missing, `add these keys to i18n/locales/${lang}/provider.json`).toEqual([])
  })
})

describe('adapters\' action results have messages', () => {
  const area = (lang: string) => JSON.parse(readFileSync(join(dir, lang, 'actionResult.json'), 'utf8')) as Tree
  const sample = (code: ActionResultCode, count: number) => Object.fromEntries(ACTION_RESULT_PARAMS[code].map(p => [p, p === 'count' ? count : `<${p}>`]))
  /** vue-i18n's way: `{name}` filled in, the plural form picked (English: one | other). */
  const render = (msg: string, params: Record<string, string | number>) => {
    const forms = msg.split(' | ')
    const form = forms.length > 1 && params.count !== 1 ? forms[1]! : forms[0]!
    return form.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p]))
  }

  it.each(['en', 'ru'])('%s: actionResult.<code> for every code, using only the parameters the code sends', (lang) => {
    const tree = area(lang)
    for (const code of ACTION_RESULT_CODES) {
      const msg = lookup(tree, `actionResult.${code}`)
      expect(typeof msg, `actionResult.${code} in ${lang}`).toBe('string')
      const used = [...(msg as string).matchAll(/\{(\w+)\}/g)].map(m => m[1])
      expect(used.filter(p => !(ACTION_RESULT_PARAMS[code] as readonly string[]).includes(p!)), code).toEqual([])
    }
  })

  it('the English message is the adapter\'s English message', () => {
    const tree = area('en')
    for (const code of ACTION_RESULT_CODES) {
      for (const count of [1, 2]) {
        const params = sample(code, count)
        expect(render(lookup(tree, `actionResult.${code}`) as string, params), code).toBe(resultMessage(code, params).message)
      }
    }
  })
})
