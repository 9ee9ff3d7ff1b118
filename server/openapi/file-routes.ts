/**
 * Nitro file routing → OpenAPI: `server/api/servers/[id]/index.get.ts` is `GET /api/servers/{id}`
 * (`index` is the folder itself, `[x]` is `{x}`, `[...x]` catches the rest as `{x}`). A file
 * without a method suffix answers every method: it is reported as `ALL`.
 */
export interface FileRoute { method: string, path: string, file: string }

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options']

export function routeOfFile(file: string): FileRoute {
  const rel = file.replace(/\\/g, '/').replace(/^.*?server\/api\//, '').replace(/\.(ts|js|mjs)$/, '')
  const segments = rel.split('/')
  let last = segments.pop()!
  let method = 'ALL'
  const dot = last.lastIndexOf('.')
  if (dot > 0 && METHODS.includes(last.slice(dot + 1))) {
    method = last.slice(dot + 1).toUpperCase()
    last = last.slice(0, dot)
  }
  if (last !== 'index') segments.push(last)
  const path = '/api' + segments.map(s => '/' + s.replace(/^\[\.\.\.(.+)\]$/, '{$1}').replace(/\[([^\]]+)\]/g, '{$1}')).join('')
  return { method, path, file }
}
