/**
 * English and Russian say the same things: the same files, the same keys, the same placeholders,
 * each file under its own top-level key (so files merge without overwriting each other), and no
 * empty message. A key used in one language and missing in the other fails here, not on screen.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = join(import.meta.dirname, '../../../i18n/locales')
const LANGS = ['en', 'ru']
type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const files = (lang: string) => readdirSync(join(dir, lang)).filter(f => f.endsWith('.json')).sort()
const read = (lang: string, file: string) => JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Tree
// Which placeholders, not how often: a Russian plural has three forms where English has two.
const placeholders = (msg: string) => [...new Set([...msg.matchAll(/\{\s*(\w+)\s*\}/g)].map(m => m[1]))].sort()

describe('message files', () => {
  it('exist for the same areas in every language', () => {
    for (const lang of LANGS) expect(files(lang), lang).toEqual(files('en'))
  })

  it.each(files('en'))('%s: one top-level key named after the file', (file) => {
    for (const lang of LANGS) expect(Object.keys(read(lang, file)), `${lang}/${file}`).toEqual([file.replace(/\.json$/, '')])
  })

  it.each(files('en'))('%s: the same keys and placeholders in every language, none empty', (file) => {
    const en = flatten(read('en', file))
    for (const lang of LANGS.filter(l => l !== 'en')) {
      const other = flatten(read(lang, file))
      expect([...other.keys()].filter(k => !en.has(k)), `${lang}/${file}: keys English lacks`).toEqual([])
      expect([...en.keys()].filter(k => !other.has(k)), `${lang}/${file}: keys missing`).toEqual([])
      for (const [key, msg] of en) {
        expect(placeholders(other.get(key) ?? ''), `${lang}/${file} ${key}`).toEqual(placeholders(msg))
        expect((other.get(key) ?? '').trim(), `${lang}/${file} ${key} is empty`).not.toBe('')
      }
    }
  })

  it('has no duplicate top-level area across files', () => {
    const areas = files('en').flatMap(f => Object.keys(read('en', f)))
    expect(new Set(areas).size).toBe(areas.length)
  })
})
