/** The icon subset (utils/icons/mdi-paths.ts) holds exactly the icons the front end names. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ICON_MODULE, renderIconModule, usedIconNames } from '../../scripts/icons-generate'
import { mdiPaths } from '../../utils/icons/mdi-paths'

describe('icon subset', () => {
  it('has a path for every mdi-* name used in pages, components and layouts, and for Vuetify\'s aliases', () => {
    const names = usedIconNames()
    expect(names).toContain('mdi-server') // a page icon
    expect(names).toContain('mdi-close-circle') // Vuetify's $clear
    const missing = names.filter(n => !mdiPaths[n]?.startsWith('M'))
    expect(missing, 'run `npm run icons`').toEqual([])
  })

  it('is up to date (no stale icon left in the bundle)', () => {
    expect(readFileSync(ICON_MODULE, 'utf8'), 'run `npm run icons`').toBe(renderIconModule())
  })
})
