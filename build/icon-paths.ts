/**
 * Vite plugin: each app module that names `mdi-…` icons (a compiled .vue or a .ts) gets their
 * SVG paths from @mdi/js and registers them (utils/icons/registry.ts) when it loads. So only the
 * icons used are bundled, each in the chunk that uses it, and components keep writing `mdi-…`.
 *
 * The paths are written into the module as strings, not imported: @mdi/js is one module, and a
 * module lives in one chunk, so imports of it put every icon the whole app names into the chunk
 * every page loads (170 icons, 15 KB compressed: issue 13, first load of /servers).
 */
import { resolve, sep } from 'node:path'
import * as mdiJs from '@mdi/js'
import type { Plugin } from 'vite'

const NAME = /(?<![\w/.-])mdi-[a-z0-9]+(?:-[a-z0-9]+)*/g
/** `mdi-cpu-64-bit` → `mdiCpu64Bit`, the @mdi/js export name. */
export const exportName = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
export const knownIcon = (name: string) => exportName(name) in mdiJs

export function iconPaths(root: string): Plugin {
  // The registry and the generated alias module import their paths themselves.
  const own = resolve(root, 'utils/icons') + sep
  return {
    name: 'app:icon-paths',
    transform(code, id) {
      const [file, query] = id.split('?') as [string, string | undefined]
      // A .vue file's template is compiled into its `?vue&type=script…` module; `?macro=true` ones
      // are Nuxt's page-meta extracts, and style blocks name no icons.
      if (query !== undefined && (!/(^|&)type=script\b/.test(query) || /(^|&)macro=true\b/.test(query))) return
      if (file.includes(`${sep}node_modules${sep}`) || !file.startsWith(root) || file.startsWith(own) || !/\.(vue|ts)$/.test(file)) return
      const names = [...new Set(code.match(NAME) ?? [])].filter(knownIcon)
      if (!names.length) return
      const paths = mdiJs as unknown as Record<string, string>
      const header = `import { registerIcons as __registerIcons } from ${JSON.stringify(`${own}registry.ts`)}\n`
        + `__registerIcons({ ${names.map(n => `'${n}': ${JSON.stringify(paths[exportName(n)])}`).join(', ')} })\n`
      // Nuxt runs this before the Vue plugin: a .vue file arrives as an SFC, so the registration
      // goes inside its first <script> block (or a new one); compiled JS gets it on top.
      if (query === undefined && file.endsWith('.vue') && /^\s*<(template|script|style)[\s>]/m.test(code)) {
        const open = code.match(/<script\b[^>]*>/)
        const at = open ? open.index! + open[0].length : -1
        return { code: at >= 0 ? `${code.slice(0, at)}\n${header}${code.slice(at)}` : `<script setup lang="ts">\n${header}</script>\n${code}`, map: null }
      }
      return { code: header + code, map: null }
    },
  }
}
