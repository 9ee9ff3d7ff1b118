/** Vuetify's global styles lose only the utilities the app never names (responsive variants, spacing, palette colours) and right-to-left rules. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import postcss from 'postcss'
import { describe, expect, it } from 'vitest'
import { gridClassesIn, purgeUnusedGridClasses, purgeUnusedUtilities, wordsIn } from '../../build/purge-vuetify-utilities'

const ROOT = resolve(import.meta.dirname, '../..')
const classes = (css: string) => {
  const out = new Set<string>()
  postcss.parse(css).walkRules(r => r.selectors.forEach(s => s.match(/\.[a-z0-9-]+/g)?.forEach(c => out.add(c.slice(1)))))
  return out
}

describe('purgeUnusedUtilities', () => {
  const css = `
.rounded-lg { border-radius: 8px }
.ma-4 { margin: 16px }
@media (min-width: 600px) { .d-sm-none { display: none } .ma-sm-4 { margin: 16px } .order-sm-2 { order: 2 } }
@media (min-width: 840px) { .pa-md-2 { padding: 8px } }
@media print { .d-print-none { display: none } }`

  it('drops unnamed responsive variants and empty media blocks, keeps the rest', () => {
    const out = classes(purgeUnusedUtilities(css, new Set(['d-sm-none', 'ma-4'])))
    expect([...out].sort()).toEqual(['d-print-none', 'd-sm-none', 'ma-4', 'order-sm-2', 'rounded-lg'])
    expect(purgeUnusedUtilities(css, new Set())).not.toContain('840px')
  })

  it('drops unnamed spacing and palette colour classes and right-to-left rules, keeps named ones and theme colours', () => {
    const more = `
.ma-7 { margin: 28px } .px-n3 { padding: 0 } .ga-5 { gap: 20px } .pa-2 { padding: 8px }
.bg-deep-purple-lighten-2 { color: #000 } .text-teal { color: teal } .bg-primary { color: blue }
.v-locale--is-rtl .v-btn { margin: 0 } .v-locale--is-ltr .v-btn { margin: 1px }`
    const out = classes(purgeUnusedUtilities(more, new Set(['pa-2', 'teal'])))
    expect([...out].sort()).toEqual(['bg-primary', 'pa-2', 'text-teal', 'v-btn', 'v-locale--is-ltr'])
  })

  it('on the real stylesheet, keeps every class the source names and leaves under 40% of the size', () => {
    const main = readFileSync(resolve(ROOT, 'node_modules/vuetify/lib/styles/main.css'), 'utf8')
    const out = purgeUnusedUtilities(main, wordsIn(ROOT))
    const before = classes(main)
    const after = classes(out)
    const named = [...wordsIn(ROOT)].filter(w => before.has(w))
    expect(named.length).toBeGreaterThan(50)
    expect(named.filter(w => !after.has(w))).toEqual([])
    expect(out.length).toBeLessThan(main.length * 0.4)
  })
})

describe('grid classes', () => {
  const source = (vue: string) => {
    const root = mkdtempSync(join(tmpdir(), 'grid-'))
    mkdirSync(join(root, 'components'))
    writeFileSync(join(root, 'components/A.vue'), vue)
    return root
  }

  it('are read from the props of the source\'s v-row and v-col tags', () => {
    const grid = gridClassesIn(source('<v-row align="center"><v-col cols="12" md="6" offset-lg="2" :sm="wide ? 12 : 6" lg>x</v-col></v-row>'))
    expect([...grid.named].sort()).toEqual(['align-center', 'v-col--cols-12', 'v-col--cols-md-6', 'v-col--lg', 'v-col--offset-lg-2'])
    expect([...grid.bound]).toEqual(['v-col--cols-sm'])
    expect([...gridClassesIn(source('<v-col v-bind="attrs" />')).bound]).toEqual(['*'])
    expect([...gridClassesIn(source('<v-col offsetMd="2" />')).bound]).toEqual(['*'])
  })

  it('VGrid.css keeps the sizes the source asks for, every size of a bound prop, and the rest of its rules', () => {
    const css = '.v-row { display: flex } .v-col--cols-12 { --s: 12 } .v-col--cols-7 { --s: 7 } .v-col--cols-md-6 { --s: 6 } .v-col--cols-md-5 { --s: 5 } .v-col--cols-sm-3 { --s: 3 } .v-col--xl { --g: 1 } .v-col--offset-lg-2 { --o: 2 }'
    const grid = { named: new Set(['v-col--cols-12', 'v-col--cols-md-6', 'v-col--offset-lg-2']), bound: new Set(['v-col--cols-sm']) }
    expect([...classes(purgeUnusedGridClasses(css, grid))].sort()).toEqual(['v-col--cols-12', 'v-col--cols-md-6', 'v-col--cols-sm-3', 'v-col--offset-lg-2', 'v-row'])
  })

  it('on the real files, keeps every grid class the source makes', () => {
    const grid = gridClassesIn(ROOT)
    const vgrid = readFileSync(resolve(ROOT, 'node_modules/vuetify/lib/components/VGrid/VGrid.css'), 'utf8')
    const main = readFileSync(resolve(ROOT, 'node_modules/vuetify/lib/styles/main.css'), 'utf8')
    const kept = new Set([...classes(purgeUnusedGridClasses(vgrid, grid)), ...classes(purgeUnusedUtilities(main, wordsIn(ROOT), grid))])
    const made = [...grid.named].filter(c => classes(vgrid).has(c) || classes(main).has(c))
    expect(made.length).toBeGreaterThan(10)
    expect(made.filter(c => !kept.has(c))).toEqual([])
    expect(kept.has('v-col--cols-xxl-7')).toBe(false)
  })
})
