// Lint: @nuxt/eslint's flat config (it knows Nuxt's auto-imports and file conventions) with the
// stylistic rules of this code base (nuxt.config.ts `eslint.config.stylistic`: 2 spaces, single
// quotes, no semicolons). `npm run lint` checks, `npm run lint:fix` rewrites what can be rewritten.
import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt(
  { ignores: ['drizzle/**', '.data/**', '.output/**', '.nuxt/**', 'test-results/**', 'playwright-report/**'] },
  {
    rules: {
      // Today's style: templates keep short attribute lists and short contents on one line,
      // one-line `try { … } catch { … }` and `if (…) return` statements, quotes where a key needs them.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      '@stylistic/max-statements-per-line': 'off',
      '@stylistic/quote-props': 'off',
      'vue/quote-props': 'off',
      '@stylistic/operator-linebreak': 'off',
      '@stylistic/member-delimiter-style': 'off',
      // Provider payloads are untyped JSON; `any` is used on purpose at those edges.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      // Vuetify's table slots are named after columns: `#item.name`.
      'vue/valid-v-slot': ['error', { allowModifiers: true }],
      'nuxt/nuxt-config-keys-order': 'off',
    },
  },
)
