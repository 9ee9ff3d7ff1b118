/** The API routes, read from the files under server/api (`orders/[id]/cancel.post.ts` → POST /api/orders/[id]/cancel). */
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

export const API_DIR = resolve(import.meta.dirname, '../../server/api')
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

export interface RouteFile { method: string, template: string, file: string }

export function routeFiles(dir = API_DIR): RouteFile[] {
  const out: RouteFile[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) {
      out.push(...routeFiles(full))
      continue
    }
    if (!name.endsWith('.ts')) continue
    const parts = name.slice(0, -3).split('.')
    const method = (METHODS as readonly string[]).includes(parts.at(-1)!) ? parts.pop()!.toUpperCase() : 'GET'
    const base = parts.join('.')
    const rel = relative(API_DIR, dir).split('\\').join('/')
    const path = ['/api', rel, base === 'index' ? '' : base].filter(Boolean).join('/')
    out.push({ method, template: path, file: relative(API_DIR, full) })
  }
  return out.sort((a, b) => (a.template + a.method).localeCompare(b.template + b.method))
}
