/**
 * No layout shift on first paint: when the browser has not told its viewport width (client
 * hints are sent only from the second request on, and never by Firefox or Safari), Vuetify would
 * render the server page for a 0 px wide screen — no permanent navigation drawer — and redraw
 * it after hydration, moving everything by the drawer's width. Assume a desktop instead, or a
 * phone when the request says so. The guess travels in the payload, so the browser hydrates the
 * same layout the server drew, then adapts to its real width.
 * Runs after vuetify-nuxt-module's client-hints plugins (server order 24, client -25) have
 * set `ssr`, and before Vuetify is created (order 25).
 */
export default defineNuxtPlugin({
  name: 'app:vuetify-ssr-viewport',
  order: 24.5,
  setup(nuxtApp) {
    const phone = useState('ssr-viewport-phone', () => {
      const h = useRequestHeaders(['sec-ch-ua-mobile', 'user-agent'])
      return h['sec-ch-ua-mobile'] === '?1' || /Mobi|Android|iPhone/i.test(h['user-agent'] ?? '')
    })
    nuxtApp.hook('vuetify:before-create', ({ vuetifyOptions }) => {
      if (vuetifyOptions.ssr === true || vuetifyOptions.ssr === undefined)
        vuetifyOptions.ssr = phone.value ? { clientWidth: 390, clientHeight: 844 } : { clientWidth: 1280, clientHeight: 800 }
    })
  },
})
