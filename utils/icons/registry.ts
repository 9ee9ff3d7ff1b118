/**
 * The SVG paths the icon set draws, by `mdi-…` name. Filled as modules load: each component
 * (or util) that names icons registers their paths (build/icon-paths.ts adds the call at build),
 * so an icon travels in the chunk of the page that shows it, not in the entry.
 */
export const mdiPaths: Record<string, string> = {}

export function registerIcons(icons: Record<string, string>) {
  Object.assign(mdiPaths, icons)
}
