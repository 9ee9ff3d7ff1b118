/**
 * A small `t` over the real message files, for testing the pure helpers that take one (the app
 * passes vue-i18n's). Named placeholders and plural forms as i18n/i18n.config.ts picks them.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Translate } from '../../../utils/servers'

type Tree = { [k: string]: string | Tree }
const dir = join(import.meta.dirname, '../../../i18n/locales')
const RU_FORM: Record<string, number> = { one: 0, few: 1, many: 2, other: 2 }

export function translator(lang: 'en' | 'ru'): Translate {
  const tree: Tree = Object.assign({}, ...readdirSync(join(dir, lang)).map(f => JSON.parse(readFileSync(join(dir, lang, f), 'utf8'))))
  return (key, named = {}, plural) => {
    const msg = key.split('.').reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), tree)
    if (typeof msg !== 'string') throw new Error(`no message ${key} in ${lang}`)
    const forms = msg.split(' | ')
    const n = plural ?? 1
    // English with three forms is vue-i18n's default: zero | one | many.
    const form = forms.length < 3
      ? (n === 1 ? 0 : 1)
      : lang === 'en' ? Math.min(n, 2) : RU_FORM[new Intl.PluralRules('ru').select(n)] ?? 2
    return (forms[Math.min(form, forms.length - 1)] ?? msg)
      .replace(/\{'(.)'\}/g, '$1')
      .replace(/\{(\w+)\}/g, (_, name: string) => String(named[name] ?? ''))
  }
}
