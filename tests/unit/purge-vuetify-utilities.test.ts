/** Vuetify's global styles lose only the responsive utilities the app never names. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import postcss from 'postcss'
import { describe, expect, it } from 'vitest'
import { purgeResponsiveUtilities, wordsIn } from '../../build/purge-vuetify-utilities'

const ROOT = resolve(import.meta.dirname, '../..')
const classes = (css: string) => {
  const out = new Set<string>()
  postcss.parse(css).walkRules(r => r.selectors.forEach(s => s.match(/\.[a-z0-9-]+/g)?.forEach(c => out.add(c.slice(1)))))
  return out
}

describe('purgeResponsiveUtilities', () => {
  const css = `
.rounded-lg { border-radius: 8px }
.ma-4 { margin: 16px }
@media (min-width: 600px) { .d-sm-none { display: none } .ma-sm-4 { margin: 16px } .order-sm-2 { order: 2 } }
@media (min-width: 840px) { .pa-md-2 { padding: 8px } }
@media print { .d-print-none { display: none } }`

  it('drops unnamed responsive variants and empty media blocks, keeps the rest', () => {
    const out = classes(purgeResponsiveUtilities(css, new Set(['d-sm-none'])))
    expect([...out].sort()).toEqual(['d-print-none', 'd-sm-none', 'ma-4', 'order-sm-2', 'rounded-lg'])
    expect(purgeResponsiveUtilities(css, new Set())).not.toContain('840px')
  })

  it('on the real stylesheet, keeps every class the source names and halves the size', () => {
    const main = readFileSync(resolve(ROOT, 'node_modules/vuetify/lib/styles/main.css'), 'utf8')
    const out = purgeResponsiveUtilities(main, wordsIn(ROOT))
    const before = classes(main)
    const after = classes(out)
    const named = [...wordsIn(ROOT)].filter(w => before.has(w))
    expect(named.length).toBeGreaterThan(50)
    expect(named.filter(w => !after.has(w))).toEqual([])
    expect(out.length).toBeLessThan(main.length / 2)
  })
})
