/**
 * Development only. Nuxt 4.4 links every global stylesheet named by a package path in
 * `nuxt.options.css` ('vuetify/styles' from vuetify-nuxt-module, '@mdi/font/css/…' for the icons)
 * twice in the server-rendered page: once as /_nuxt/node_modules/… (Vite's module graph) and once
 * as /_nuxt/@fs/<absolute path> (its dev manifest), and the second link is never taken away, so
 * ~1.6 MB of CSS is fetched twice on every page. Fixed upstream in Nuxt 4.5.1 (nuxt/nuxt#35834):
 * delete this module after that upgrade.
 *
 * Here those entries are imported by the first plugin instead: Vite's graph knows each file under
 * one URL, and the client removes the server's link when it injects the same file. Production
 * builds are left alone (their global CSS is bundled once).
 */
import { addPluginTemplate, defineNuxtModule, resolveAlias } from '@nuxt/kit'
import { isAbsolute } from 'node:path'

export default defineNuxtModule({
  meta: { name: 'dev-global-css' },
  setup(_options, nuxt) {
    if (!nuxt.options.dev) return
    nuxt.hook('modules:done', () => {
      const fromPackages = nuxt.options.css.filter((c): c is string => typeof c === 'string' && !c.startsWith('.') && !isAbsolute(resolveAlias(c, nuxt.options.alias)))
      if (!fromPackages.length) return
      nuxt.options.css = nuxt.options.css.filter(c => !fromPackages.includes(c as string))
      // Prepended, so these load before any component's styles (vuetify/styles declares the CSS layer order).
      addPluginTemplate({
        filename: 'dev-global-css.mjs',
        getContents: () => [...fromPackages.map(c => `import ${JSON.stringify(c)}`), `import { defineNuxtPlugin } from '#app/nuxt'`, 'export default defineNuxtPlugin(() => {})'].join('\n'),
      })
    })
  },
})
