/**
 * Vite plugin: drops from Vuetify's global stylesheet (vuetify/styles) the responsive variants
 * of its utility classes that the app never names, e.g. `.ma-md-4` or `.d-xl-flex`: three
 * quarters of its 4,100 utility rules, most of the entry CSS. Vuetify's own components only
 * add responsive utility classes through VRow/VCol props (order, align, justify), kept whole.
 * The component styles are already per component (vuetify-nuxt-module's autoImport).
 * A class counts as named when it appears as a word anywhere in the front-end source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import postcss, { type AtRule, type Rule } from 'postcss'
import type { Plugin } from 'vite'

const SOURCES = ['app.vue', 'error.vue', 'pages', 'components', 'layouts', 'composables', 'utils', 'stores', 'plugins']
/** Classes VRow/VCol build from props (`order-md="2"` → `.order-md-2`): kept in every size. */
const FROM_PROPS = /^(order|align|align-content|align-self|justify)-/

function files(path: string): string[] {
  try {
    if (statSync(path).isFile()) return [path]
  }
  catch { return [] }
  return readdirSync(path, { withFileTypes: true }).flatMap(e => files(join(path, e.name)))
}

export function wordsIn(root: string): Set<string> {
  const words = new Set<string>()
  for (const f of SOURCES.flatMap(s => files(resolve(root, s)))) {
    if (!/\.(vue|ts)$/.test(f)) continue
    for (const m of readFileSync(f, 'utf8').matchAll(/[a-z][a-z0-9-]*/g)) words.add(m[0])
  }
  return words
}

/** The CSS without the responsive utility rules whose classes are not in `used`. */
export function purgeResponsiveUtilities(css: string, used: Set<string>) {
  const root = postcss.parse(css)
  root.walkAtRules('media', (media: AtRule) => {
    if (!/width/.test(media.params)) return // print/screen helpers: few, kept
    media.walkRules((rule: Rule) => {
      const keep = rule.selectors.some((sel) => {
        const m = sel.trim().match(/^\.([a-z0-9-]+)$/)
        return !m || used.has(m[1]!) || FROM_PROPS.test(m[1]!)
      })
      if (!keep) rule.remove()
    })
    if (!media.nodes?.length) media.remove()
  })
  return root.toString()
}

export function purgeVuetifyUtilities(root: string): Plugin {
  let used: Set<string> | undefined
  return {
    name: 'app:purge-vuetify-utilities',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]vuetify[\\/]lib[\\/]styles[\\/]main\.css(\?|$)/.test(id)) return
      used ??= wordsIn(root)
      return { code: purgeResponsiveUtilities(code, used), map: null }
    },
  }
}
