/**
 * Files the server reads or runs beside its own code (drizzle/ migrations, the embedded database's
 * process script): looked for upwards from this module and from the script node runs
 * (`node /srv/panel/.output/server/index.mjs`), never in the working directory, so a service
 * started from anywhere finds those of its own build. nuxt.config.ts copies them next to the
 * built server; in the source tree (dev, scripts) they are found at their own place.
 * In the built server `import.meta.url` is a placeholder at start-up, hence the entry script.
 */
import { existsSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The first of `paths` (relative) that exists in a folder at or above the starts; its full path. */
export function findBesideBuild(paths: string[]): string | undefined {
  for (const start of searchStarts()) {
    let dir = start
    for (let i = 0; dir && i < 6; i++) {
      for (const path of paths) {
        if (existsSync(join(dir, path))) return join(dir, path)
      }
      dir = dirname(dir)
    }
  }
  return undefined
}

export function searchStarts(): string[] {
  return [safeDir(() => fileURLToPath(import.meta.url)), safeDir(() => realpathSync(process.argv[1]!))].filter(d => d !== undefined)
}

function safeDir(path: () => string): string | undefined {
  try { return dirname(path()) }
  catch { return undefined }
}
