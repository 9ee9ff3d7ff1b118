import { cp } from 'node:fs/promises'
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { iconPaths } from './build/icon-paths'
import { purgeVuetifyUtilities } from './build/purge-vuetify-utilities'

const root = fileURLToPath(new URL('.', import.meta.url))
/** The packages of the `framework` chunk (see `vite.build` below). */
const FRAMEWORK_MODULES = /node_modules[\\/](vue|@vue|vue-router|nuxt|@nuxt|@unhead|unhead|pinia|@pinia|vue-i18n|@intlify|@nuxtjs[\\/]i18n|ofetch|ufo|destr|hookable|unctx|defu|h3|cookie-es|ohash|klona|devalue|nostics|fnv1a-64|object-identity|@vueuse|nuxt-auth-utils|vuetify-nuxt-module|perfect-debounce)[\\/]/
const vuetifyComponents = (names: string[]) => new RegExp(`node_modules[\\\\/]vuetify[\\\\/]lib[\\\\/]components[\\\\/](${names.join('|')})[\\\\/]`)
/** Vuetify's layer order (vuetify/lib/styles/layers.css), declared once in the page head. */
const VUETIFY_LAYERS = '@layer vuetify-core.reset, vuetify-core.base, vuetify-components, vuetify-overrides, vuetify-utilities.theme-base, vuetify-utilities.typography, vuetify-utilities.helpers, vuetify-utilities.theme-background, vuetify-utilities.theme-foreground, vuetify-final.transitions, vuetify-final.trumps;'
// One message file per area and language (i18n/locales/<lang>/<area>.json, each under its own
// top-level key), so a new area is a new file pair and no two people edit one big file.
const messageFiles = (lang: string) => [...readdirSync(resolve(root, 'i18n/locales', lang)).filter(f => f.endsWith('.json')).sort().map(f => `${lang}/${f}`), `vuetify-${lang}.ts`]

export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: false },
  // Performance (issue 13): no Options API in the app or the libraries it runs in the browser, so
  // Vue leaves its support out (smaller runtime, less work per component made).
  vue: { optionsApi: false },
  telemetry: false,
  // No server components here: Nuxt's island link plugin would be in every page's first load for nothing.
  experimental: { componentIslands: false },
  // Not node_modules/.cache: git worktrees share node_modules, and their builds must not collide.
  buildDir: '.nuxt',
  // The front end sits at the top level (pages/, components/, stores/ …), as the design card names it.
  srcDir: '.',
  modules: [
    'vuetify-nuxt-module', '@nuxtjs/i18n', '@pinia/nuxt', 'nuxt-auth-utils', '@vueuse/nuxt', '@nuxt/eslint', 'nuxt-security',
    // Nuxt 4.5 has a useLayout of its own; Vuetify's auto-import of the same name would shadow it.
    (_options, nuxt) => {
      nuxt.hook('modules:done', () => {
        nuxt.hook('imports:extend', (imports) => {
          const i = imports.findIndex(x => x.name === 'useLayout' && x.from === 'vuetify')
          if (i >= 0) imports.splice(i, 1)
        })
      })
    },
  ],
  // strict, but indexing is not treated as possibly undefined everywhere (parsers index a lot).
  typescript: {
    strict: true,
    tsConfig: { compilerOptions: { noUncheckedIndexedAccess: false } },
    sharedTsConfig: { compilerOptions: { noUncheckedIndexedAccess: false } },
  },
  // Lint rules for the code's style (eslint.config.mjs); the dev server does not lint.
  eslint: { config: { stylistic: { indent: 2, quotes: 'single', semi: false } } },
  // Components live in domain folders, each file named with its folder as prefix
  // (components/server/ServerPowerMenu.vue → <ServerPowerMenu>): Nuxt's default path prefix, so a
  // file named otherwise gets a doubled name and stands out (tests/unit/component-names.test.ts).
  // English and Russian. The URL does not carry the language: the choice is a cookie (set by the
  // app bar's switch and, at sign-in, from the user's saved choice), else the browser's
  // Accept-Language, so the server renders the same words the browser will.
  i18n: {
    strategy: 'no_prefix',
    defaultLocale: 'en',
    locales: [
      { code: 'en', language: 'en-US', name: 'English', files: messageFiles('en') },
      { code: 'ru', language: 'ru-RU', name: 'Русский', files: messageFiles('ru') },
    ],
    detectBrowserLanguage: { useCookie: true, cookieKey: 'i18n_locale', redirectOn: 'no prefix', fallbackLocale: 'en' },
    // Performance (issue 13): vue-i18n's global <i18n-t>, <i18n-n>, <i18n-d> and v-t stay out of the
    // first load; the few texts with a link in them import Translation (as I18nT) themselves.
    bundle: { fullInstall: false },
  },
  app: {
    head: {
      title: 'Hosting panel',
      meta: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
      // Vuetify's cascade layers in their order, before any stylesheet: the order is fixed by the
      // first sheet that names a layer, and a component chunk loaded before the entry CSS put its
      // reset above the components (every <button> v-btn took its parent's font size: 16 px, not 14).
      style: [{ key: 'vuetify-layers', tagPriority: 'critical', innerHTML: VUETIFY_LAYERS }],
    },
  },
  vuetify: {
    moduleOptions: { styles: true, ssrClientHints: { viewportSize: true } },
    vuetifyOptions: {
      // Performance (issue 13): icons are SVG paths of the icons used, set up by plugins/vuetify-icons.ts.
      icons: false,
      theme: {
        defaultTheme: 'light',
        themes: {
          // WCAG AA contrast (4.5:1) for grey text: Vuetify nests medium emphasis inside high
          // emphasis (field labels, card subtitles: 0.87 × 0.6 ≈ 3.7:1 on white); 0.7 keeps them above
          // 4.5:1 on surface and surface-light. Success text is a darker green for the same reason, and
          // warning a darker amber so flat warning chips' white text reads (5:1, not 2.4:1).
          light: { colors: { primary: '#1f6feb', secondary: '#6e40c9', success: '#2e7d32', warning: '#b45309' }, variables: { 'medium-emphasis-opacity': 0.7 } },
          // A lighter amber, so flat warning chips take dark text (white on #fb8c00 is 2.4:1), and a
          // lighter red, so small error text reads on cards (Vuetify's #cf6679 is 4.47:1 on #212121).
          dark: { dark: true, colors: { primary: '#58a6ff', secondary: '#a371f7', warning: '#ffb74d', error: '#f28b82', 'on-error': '#1f1f1f', 'on-success': '#1f1f1f' } },
        },
      },
      defaults: {
        VBtn: { variant: 'flat' },
        VTextField: { variant: 'outlined', density: 'comfortable' },
        VSelect: { variant: 'outlined', density: 'comfortable' },
        VTextarea: { variant: 'outlined', density: 'comfortable' },
        VCard: { rounded: 'lg' },
        // Not in the page until shown: an eager tooltip sits in the page empty, a role="tooltip"
        // with no name (axe aria-tooltip-name) for every icon that has one.
        VTooltip: { eager: false },
      },
    },
  },
  // Security headers (nuxt-security). Scripts run only with the per-request nonce the module puts
  // on Nuxt's own tags ('strict-dynamic' lets those load their chunks); no 'unsafe-eval'.
  // Vuetify writes its theme and some layout as inline styles, hence style-src 'unsafe-inline'.
  // HSTS is sent by server/middleware/00.hsts.ts, only on HTTPS. The module's rate limiter, XSS
  // filter and CORS handler are off: sign-in throttling lives in the auth services, input is
  // validated by zod and the control-character guard, and the API is same-origin only.
  security: {
    headers: {
      contentSecurityPolicy: {
        'default-src': ['\'self\''],
        'base-uri': ['\'none\''],
        // The server console's noVNC connects straight to the provider's VNC websocket (a
        // self-hosted panel's own address, known per account): websockets to any host. `ws:` only
        // works where the app itself is served over plain HTTP (browsers block it from HTTPS pages).
        'connect-src': ['\'self\'', 'wss:', 'ws:'],
        'font-src': ['\'self\'', 'data:'],
        'form-action': ['\'self\''],
        'frame-ancestors': ['\'none\''],
        'img-src': ['\'self\'', 'data:'],
        'object-src': ['\'none\''],
        'script-src-attr': ['\'none\''],
        'style-src': ['\'self\'', '\'unsafe-inline\''],
        'script-src': ['\'self\'', '\'strict-dynamic\'', '\'nonce-{{nonce}}\''],
        'upgrade-insecure-requests': false,
      },
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'strict-origin-when-cross-origin',
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    },
    hidePoweredBy: true,
    rateLimiter: false,
    xssValidator: false,
    corsHandler: false,
    removeLoggers: false,
    requestSizeLimiter: { maxRequestSizeInBytes: 2_000_000, maxUploadFileRequestInBytes: 8_000_000 },
  },
  routeRules: {
    // API answers are data, never documents: nothing in them may run or be framed.
    '/api/**': { headers: { 'Content-Security-Policy': 'default-src \'none\'; frame-ancestors \'none\'' } },
  },
  runtimeConfig: {
    // Sealed-cookie password for nuxt-auth-utils (NUXT_SESSION_PASSWORD); generated in dev.
    session: { maxAge: 60 * 60 * 24 * 7, password: '' },
  },
  nitro: {
    // Performance (issue 13): built assets are stored as .br/.gz next to the originals and served
    // as the browser accepts; dynamic answers are compressed by server/plugins/90.compression.ts.
    compressPublicAssets: { brotli: true, gzip: true },
    // The audit helper reads the caller's IP and user agent from the request it runs in.
    experimental: { asyncContext: true },
    typescript: { tsConfig: { compilerOptions: { noUncheckedIndexedAccess: false } } },
    // The API reference page (/api/docs) loads Scalar's standalone script from the installed package.
    serverAssets: [{ baseName: 'api-docs', dir: resolve(root, 'node_modules/@scalar/api-reference/dist/browser'), pattern: 'standalone.js' }],
    // The embedded database's process (server/db/pglite-server.mjs) is run by node, not bundled:
    // tracing it puts what it imports in .output/server/node_modules, though the app imports none.
    // @mdi/js is bundled from its ES module file, so only the provider icons the server names are
    // kept: as an external package the whole set (3 MB of source, 7,000 path strings) sat in the
    // app's memory (issue 13, app RSS). Its package "main" is CommonJS, which does not tree-shake.
    externals: { traceInclude: [resolve(root, 'server/db/pglite-server.mjs'), resolve(root, 'server/lib/password-checker.mjs')], inline: ['@mdi/js'] },
    alias: { '@mdi/js': resolve(root, 'node_modules/@mdi/js/mdi.js') },
    hooks: {
      // drizzle migrations are read at runtime, and the database process script is run from
      // next to the server; the build does not copy either on its own.
      async compiled(nitro: { options: { rootDir: string, output: { serverDir: string } } }) {
        const { rootDir, output: { serverDir } } = nitro.options
        await cp(resolve(rootDir, 'drizzle'), resolve(serverDir, 'drizzle'), { recursive: true })
        await cp(resolve(rootDir, 'server/db/pglite-server.mjs'), resolve(serverDir, 'pglite-server.mjs'))
        // zxcvbn's process (server/lib/password-check.ts): its dictionaries stay out of the app.
        await cp(resolve(rootDir, 'server/lib/password-checker.mjs'), resolve(serverDir, 'password-checker.mjs'))
      },
    },
  },
  hooks: {
    // Ours answers /api/** with `{ error }`; Nuxt's own (set just before this hook) renders the
    // error page for everything else. Nitro runs a list of error handlers in order.
    'nitro:config'(nitroConfig) {
      nitroConfig.errorHandler = [resolve(root, 'server/error-handler.ts'), ...[nitroConfig.errorHandler ?? []].flat()]
    },
  },
  vite: {
    optimizeDeps: { include: ['zod'] },
    // Performance (issue 13): fewer, larger chunks for what a signed-in first load needs. Left to
    // itself the bundler cut /servers into 62 scripts, many under 1 KB, each compressed alone
    // (a 300-byte import list apiece); grouped, 22 scripts and ~30 KB less on the wire.
    // Each group holds only what its pages all use: a module named here drags its whole group
    // into every page that imports it (the sign-in page must not pull in the data tables).
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Vue, Nuxt, the router, i18n, Pinia and their helpers: on every page.
              { name: 'framework', test: (id: string) => id.startsWith('\0') || FRAMEWORK_MODULES.test(id), priority: 20 },
              // Vuetify components of the sign-in page that the signed-in pages use as well.
              { name: 'vuetify-shared', test: vuetifyComponents(['VApp', 'VOverlay', 'VMenu', 'VList', 'VField', 'VInput', 'VLabel', 'VMessages', 'VCounter', 'VTextField', 'VAlert', 'VDivider', 'VMain', 'VLayout', 'VGrid', 'VCard']), priority: 10 },
              // The signed-in layout and the lists: drawer, app bar, tables, selects, chips. Not the
              // autocomplete: on /servers it only loads once the page is idle (ServerOwnerFilter).
              { name: 'vuetify-lists', test: vuetifyComponents(['VNavigationDrawer', 'VAppBar', 'VToolbar', 'VSelect', 'VVirtualScroll', 'VHighlight', 'VDataTable', 'VTable', 'VPagination', 'VChip', 'VChipGroup', 'VSlideGroup', 'VSelectionControl', 'VSelectionControlGroup', 'VCheckbox', 'VSkeletonLoader', 'VTooltip']), priority: 10 },
            ],
          },
        },
      },
    },
    // Performance (issue 13): Vuetify's global styles without the unused responsive utilities;
    // the SVG paths of the mdi-* icons each module names, bundled with it.
    plugins: [purgeVuetifyUtilities(root), iconPaths(root)],
  },
})
