// Stores read Nuxt's `import.meta.client`; the unit type check (tsconfig.check.json) has no Nuxt types.
interface ImportMeta { readonly client: boolean, readonly server: boolean }
