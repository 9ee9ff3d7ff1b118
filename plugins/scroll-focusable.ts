/**
 * v-scroll-focusable: lets the keyboard reach a box that scrolls sideways on a phone (a table's
 * wrapper, the wizard's step header), so it can be scrolled without a pointer (WCAG 2.1.1, axe
 * scrollable-region-focusable). The box is Vuetify's own, inside the component, hence a
 * directive with the box's selector.
 */
import type { Directive } from 'vue'

const scrollFocusable: Directive<HTMLElement, string> = {
  getSSRProps: () => ({}),
  mounted(el, binding) {
    el.querySelector<HTMLElement>(binding.value)?.setAttribute('tabindex', '0')
  },
}

declare module 'vue' {
  interface GlobalDirectives { vScrollFocusable: typeof scrollFocusable }
}

export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.vueApp.directive('scroll-focusable', scrollFocusable)
})
