/** The icon subset: every icon the front end names can be drawn, and the alias module is current. */
import { readFileSync } from 'node:fs'
import { mdiPlus, mdiServer, mdiSync } from '@mdi/js'
import { describe, expect, it } from 'vitest'
import { iconPaths, knownIcon } from '../../build/icon-paths'
import { ICON_MODULE, aliasIconNames, renderIconModule, sourceIconNames } from '../../scripts/icons-generate'

describe('icon subset', () => {
  it('finds every mdi-* name used in pages, components and layouts in @mdi/js', () => {
    const names = sourceIconNames()
    expect(names).toContain('mdi-server') // a page icon
    expect(names.length).toBeGreaterThan(100)
    expect(names.filter(n => !knownIcon(n))).toEqual([])
  })

  it('has the icons of the Vuetify aliases the app\'s components use, up to date', () => {
    expect(aliasIconNames()).toContain('mdi-close-circle') // $clear, on clearable fields
    expect(aliasIconNames()).toContain('mdi-page-first') // $first, the data table's pagination
    expect(readFileSync(ICON_MODULE, 'utf8'), 'run `npm run icons`').toBe(renderIconModule())
  })
})

describe('icon paths plugin', () => {
  const transform = (code: string, id: string) => (iconPaths('/app/') as any).transform(code, id)?.code as string | undefined

  it('registers the icons an SFC names inside its script block, or a new one', () => {
    const sfc = transform('<script setup lang="ts">\nconst a = 1\n</script>\n<template><v-btn prepend-icon="mdi-sync" /></template>', '/app/components/A.vue')!
    expect(sfc).toMatch(/^<script setup lang="ts">\nimport \{ registerIcons as __registerIcons \}/)
    // The path itself, not an import of @mdi/js (one module: it would pull every icon into one chunk).
    expect(sfc).toContain(`__registerIcons({ 'mdi-sync': ${JSON.stringify(mdiSync)} })`)
    expect(sfc).not.toContain('@mdi/js')
    const templateOnly = transform('<template><v-icon>mdi-server</v-icon></template>', '/app/components/B.vue')!
    expect(templateOnly).toMatch(/^<script setup lang="ts">[^]*'mdi-server': "M[^]*<\/script>\n<template>/)
    expect(templateOnly).toContain(JSON.stringify(mdiServer))
  })

  it('registers them in the compiled script module of an SFC, not in page-meta extracts or styles', () => {
    const code = `const _hoisted = { "prepend-icon": "mdi-sync" }`
    expect(transform(code, '/app/pages/a.vue?vue&type=script&setup=true&lang.ts')).toMatch(/^import \{ registerIcons as __registerIcons \}[^]*'mdi-sync': "M/)
    expect(transform(code, '/app/pages/a.vue?macro=true&vue&type=script&setup=true&lang.ts')).toBeUndefined()
    expect(transform(code, '/app/pages/a.vue?vue&type=style&index=0&lang.css')).toBeUndefined()
  })

  it('registers the icons a module names; leaves others, unknown names and dependencies alone', () => {
    expect(transform(`export const x = 'mdi-plus'`, '/app/utils/x.ts')).toContain(`'mdi-plus': ${JSON.stringify(mdiPlus)}`)
    expect(transform(`export const x = 1`, '/app/utils/y.ts')).toBeUndefined()
    expect(transform(`export const x = 'mdi-no-such-icon'`, '/app/utils/z.ts')).toBeUndefined()
    expect(transform(`export const x = 'mdi-plus'`, '/app/node_modules/v/x.ts')).toBeUndefined()
  })
})
