/**
 * Icons as inline SVG from @mdi/js, only those the app uses (utils/icons/mdi-paths.ts), instead
 * of the whole Material Design Icons font and its 300 KB stylesheet. Components keep naming
 * icons `mdi-…` and Vuetify keeps its `mdi` aliases ($close → mdi-close …): this set looks the
 * name up and draws its path. The element keeps the `mdi-…` class, so selectors still find it.
 * nuxt.config.ts turns the module's own icon set off (`icons: false`).
 */
import { h } from 'vue'
import type { IconProps, IconSet } from 'vuetify'
import { aliases } from 'vuetify/iconsets/mdi'
import { mdi as svgSet } from 'vuetify/iconsets/mdi-svg'
import { mdiPaths } from '~/utils/icons/mdi-paths'

const mdiSvg: IconSet = {
  component: (props: IconProps) => {
    const name = typeof props.icon === 'string' ? props.icon : ''
    const path = mdiPaths[name]
    if (!path && import.meta.dev && name) console.warn(`[icons] ${name} is not in utils/icons/mdi-paths.ts: run \`npm run icons\``)
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
