// Lint: @nuxt/eslint's flat config (it knows Nuxt's auto-imports and file conventions) with the
// stylistic rules of this code base: 2 spaces, single quotes, no semicolons.
// `npm run lint` checks, `npm run lint:fix` rewrites what can be rewritten.
import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt(
  { ignores: ['drizzle/**', '.data/**', '.output/**', '.nuxt/**'] },
)
