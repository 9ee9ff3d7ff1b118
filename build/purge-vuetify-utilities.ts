/**
 * Vite plugin: drops from Vuetify's global stylesheet (vuetify/styles) what the app never uses:
 * - the responsive variants of its utility classes that the app never names, e.g. `.ma-md-4` or
 *   `.d-xl-flex`: three quarters of its 4,100 utility rules. Vuetify's own components only add
 *   responsive utility classes through VRow/VCol props (order, align, justify), kept whole;
 * - the spacing utilities (`.ma-7`, `.px-n3`, `.ga-5`) nobody names: Vuetify never builds them
 *   from props, and the one its components name (`pl-1`) counts as named;
 * - the Material palette's colour classes (`.bg-deep-purple-lighten-2`), kept when the class or
 *   its colour (a `color="teal"` prop) is named;
 * - right-to-left rules: both of the app's languages are written left to right;
 * - the grid classes VRow and VCol would make from props the source never gives them
 *   (`.v-col--cols-xl-7`, `.justify-md-space-around`); see `gridClassesIn`.
 * The component styles are already per component (vuetify-nuxt-module's autoImport).
 * A class counts as named when it appears as a word anywhere in the front-end source or in
 * Vuetify's component code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import postcss, { type AtRule, type Rule } from 'postcss'
import type { Plugin } from 'vite'

const SOURCES = ['app.vue', 'error.vue', 'pages', 'components', 'layouts', 'composables', 'utils', 'stores', 'plugins']
/** Classes VRow/VCol build from props (`order-md="2"` → `.order-md-2`): kept when a grid tag's prop may make them. */
const FROM_PROPS = /^(order|align|align-content|align-self|justify)-/
/** Margin, padding and gap utilities: only ever named literally. */
const SPACING = /^((m|p)[atrblxyse]?-n?[0-9a-z]+|g[acr]?-[0-9]+)$/
/** Vuetify's colour classes for the Material palette (its theme colours, `bg-primary` …, are not these). */
const PALETTE = /^(bg|text|border)-(red|pink|purple|deep-purple|indigo|blue|light-blue|cyan|teal|green|light-green|lime|yellow|amber|orange|deep-orange|brown|blue-grey|grey|shades)(-[a-z0-9-]+)?$/

function files(path: string): string[] {
  try {
    if (statSync(path).isFile()) return [path]
  }
  catch { return [] }
  return readdirSync(path, { withFileTypes: true }).flatMap(e => files(join(path, e.name)))
}

/** The front end's .vue and .ts files. */
const sourceFiles = (root: string) => SOURCES.flatMap(s => files(resolve(root, s))).filter(f => /\.(vue|ts)$/.test(f))

/** Every word of the front-end source and of Vuetify's component code: the classes that may be named. */
export function wordsIn(root: string): Set<string> {
  const words = new Set<string>()
  const vuetify = files(resolve(root, 'node_modules/vuetify/lib/components')).filter(f => f.endsWith('.js'))
  for (const f of [...sourceFiles(root), ...vuetify]) {
    for (const m of readFileSync(f, 'utf8').matchAll(/[a-z][a-z0-9-]*/g)) words.add(m[0])
  }
  return words
}

const BREAKPOINTS = ['sm', 'md', 'lg', 'xl', 'xxl']
/** VRow/VCol props that become classes, and the class family each makes (`md` on a v-col → `v-col--cols-md-6`). */
function gridFamily(tag: string, prop: string): string | undefined {
  if (tag === 'col') {
    if (prop === 'cols') return 'v-col--cols'
    if (BREAKPOINTS.includes(prop)) return `v-col--cols-${prop}`
    if (/^offset(-(sm|md|lg|xl|xxl))?$/.test(prop)) return prop.replace('offset', 'v-col--offset')
    if (/^(order|align-self)(-(sm|md|lg|xl|xxl))?$/.test(prop)) return prop
  }
  if (tag === 'row' && /^(align|justify|align-content)(-(sm|md|lg|xl|xxl))?$/.test(prop)) return prop
  return undefined
}

/**
 * The grid classes the source's `<v-row>` and `<v-col>` tags make from their props: `named`, from
 * props written out (`md="6"` → `v-col--cols-md-6`), and `bound`, the families of props bound to an
 * expression (`:md="…"` keeps every `v-col--cols-md-*`; `v-bind` keeps them all).
 */
export function gridClassesIn(root: string) {
  const named = new Set<string>()
  const bound = new Set<string>()
  for (const f of sourceFiles(root).filter(f => f.endsWith('.vue'))) {
    for (const [, tag, attrs] of readFileSync(f, 'utf8').matchAll(/<v-(row|col)\b([^>]*)>/g)) {
      // `v-bind="…"`, or a prop written in camelCase (`offsetMd`): keep every grid class.
      if (/\sv-bind[\s=>]|\s:?[a-z]+[A-Z]/.test(` ${attrs!} `)) bound.add('*')
      for (const [, colon, prop, value] of attrs!.matchAll(/\s(:|v-bind:)?([a-z][a-z-]*)(?:="([^"]*)")?/g)) {
        const family = gridFamily(tag!, prop!)
        if (!family) continue
        if (colon) bound.add(family)
        else if (value) named.add(`${family}-${value}`)
        // A bare breakpoint prop (`<v-col md>`): the column grows from that size on.
        else if (family.startsWith('v-col--cols-')) named.add(family.replace('cols-', ''))
      }
    }
  }
  return { named, bound }
}

/** Whether a grid class may be made by the source's grid tags (see `gridClassesIn`). */
function gridMayMake(cls: string, grid: ReturnType<typeof gridClassesIn>) {
  if (grid.bound.has('*') || grid.named.has(cls)) return true
  return [...grid.bound].some(family => cls.startsWith(`${family}-`) || cls === family.replace('cols-', ''))
}

/** VGrid.css's column sizes and offsets (`.v-col--cols-md-6`, `.v-col--offset-2`, `.v-col--lg`). */
const COLUMN_CLASS = /^v-col--((cols|offset)-[a-z0-9-]+|sm|md|lg|xl|xxl)$/

/** VGrid.css without the column sizes and offsets the source never asks for. */
export function purgeUnusedGridClasses(css: string, grid: ReturnType<typeof gridClassesIn>) {
  const root = postcss.parse(css)
  root.walkRules((rule: Rule) => {
    const classes = rule.selectors.map(s => s.trim().match(/^\.([a-z0-9-]+)$/)?.[1])
    if (classes.every(c => c && COLUMN_CLASS.test(c)) && !classes.some(c => gridMayMake(c!, grid))) rule.remove()
  })
  return root.toString()
}

/** The CSS without the utility rules whose classes are not in `used` (see above). */
export function purgeUnusedUtilities(css: string, used: Set<string>, grid: ReturnType<typeof gridClassesIn> = { named: new Set(), bound: new Set(['*']) }) {
  const root = postcss.parse(css)
  const named = (c: string) => used.has(c) || (FROM_PROPS.test(c) && gridMayMake(c, grid))
  root.walkAtRules('media', (media: AtRule) => {
    if (!/width/.test(media.params)) return // print/screen helpers: few, kept
    media.walkRules((rule: Rule) => {
      const keep = rule.selectors.some((sel) => {
        const m = sel.trim().match(/^\.([a-z0-9-]+)$/)
        return !m || named(m[1]!)
      })
      if (!keep) rule.remove()
    })
    if (!media.nodes?.length) media.remove()
  })
  root.walkRules((rule: Rule) => {
    const selectors = rule.selectors.map(s => s.trim())
    if (selectors.every(s => s.startsWith('.v-locale--is-rtl'))) return void rule.remove()
    const classes = selectors.map(s => s.match(/^\.([a-z0-9-]+)$/)?.[1])
    if (classes.every(c => c && (SPACING.test(c) || FROM_PROPS.test(c))) && !classes.some(c => named(c!))) return void rule.remove()
    if (classes.every(c => c && PALETTE.test(c)) && !classes.some(c => used.has(c!) || used.has(c!.replace(/^(bg|text|border)-/, '')))) rule.remove()
  })
  return root.toString()
}

export function purgeVuetifyUtilities(root: string): Plugin {
  let used: Set<string> | undefined
  let grid: ReturnType<typeof gridClassesIn> | undefined
  return {
    name: 'app:purge-vuetify-utilities',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (/[\\/]vuetify[\\/]lib[\\/]components[\\/]VGrid[\\/]VGrid\.css(\?|$)/.test(id)) {
        grid ??= gridClassesIn(root)
        return { code: purgeUnusedGridClasses(code, grid), map: null }
      }
      if (!/[\\/]vuetify[\\/]lib[\\/]styles[\\/]main\.css(\?|$)/.test(id)) return
      used ??= wordsIn(root)
      grid ??= gridClassesIn(root)
      return { code: purgeUnusedUtilities(code, used, grid), map: null }
    },
  }
}
