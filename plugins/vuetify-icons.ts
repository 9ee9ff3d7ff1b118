/**
 * Icons as inline SVG from @mdi/js, only those the app uses, instead of the whole Material
 * Design Icons font and its 300 KB stylesheet. The paths are registered by the modules that name
 * them (build/icon-paths.ts), those of Vuetify's aliases by utils/icons/vuetify-aliases.ts. Components keep naming
 * icons `mdi-…` and Vuetify keeps its `mdi` aliases ($close → mdi-close …): this set looks the
 * name up and draws its path. The element keeps the `mdi-…` class, so selectors still find it.
 * nuxt.config.ts turns the module's own icon set off (`icons: false`).
 */
import { h } from 'vue'
import type { IconProps, IconSet } from 'vuetify'
import { aliases } from 'vuetify/iconsets/mdi'
import { mdi as svgSet } from 'vuetify/iconsets/mdi-svg'
import { mdiPaths } from '~/utils/icons/registry'
import '~/utils/icons/vuetify-aliases'

const mdiSvg: IconSet = {
  component: (props: IconProps) => {
    const name = typeof props.icon === 'string' ? props.icon : ''
    const path = mdiPaths[name]
    if (!path && import.meta.dev && name) console.warn(`[icons] ${name} has no registered path (not an @mdi/js icon, or a Vuetify alias missing: \`npm run icons\`)`)
    return h(svgSet.component, { ...props, icon: path ?? props.icon, class: name.startsWith('mdi-') ? name : undefined })
  },
}

export default defineNuxtPlugin({
  name: 'app:vuetify-icons',
  // Before Vuetify's own plugin (order 25) creates the instance.
  order: -20,
  setup(nuxtApp) {
    nuxtApp.hook('vuetify:before-create', ({ vuetifyOptions }) => {
      vuetifyOptions.icons = { defaultSet: 'mdi', aliases, sets: { mdi: mdiSvg } }
    })
  },
})
