/**
 * Which of nuxt-security's route patterns a path matches, as a key for rules resolved once per
 * set of patterns (server/plugins/01.api-request-context.ts). Only plain paths and `prefix/**`
 * are understood; with any other pattern (parameters, inner wildcards) the answer is undefined,
 * and nuxt-security resolves the rules itself.
 */
export function securityPatternKey(patterns: string[], path: string): string | undefined {
  const matched: string[] = []
  for (const pattern of patterns) {
    const prefix = pattern.endsWith('/**') ? pattern.slice(0, -3) : undefined
    const fixed = prefix ?? pattern
    if (fixed.includes('*') || fixed.includes(':')) return undefined
    if (prefix === undefined ? path === pattern : path === prefix || path.startsWith(`${prefix}/`)) matched.push(pattern)
  }
  return matched.join('\n')
}
