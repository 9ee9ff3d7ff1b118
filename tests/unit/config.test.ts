/** The environment: one module reads it, a wrong value is a sentence, and the README lists exactly its variables. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENV_VARIABLES, parseEnv } from '../../server/lib/config'

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')

function readmeVariables(): string[] {
  const section = readme.slice(readme.indexOf('## Configuration'))
  const table = section.slice(0, section.indexOf('\n## '))
  return [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map(m => m[1]!)
}

describe('server configuration', () => {
  it('the README table lists every variable of the module, and no other', () => {
    expect([...readmeVariables()].sort()).toEqual([...ENV_VARIABLES].sort())
  })

  it('gives defaults for what is not set, and treats an empty value as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', JOBS_DISABLED: '1' })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.JOBS_DISABLED).toBe(true)
    expect(env.JOBS_POLL_SECONDS).toBe(1)
    expect(env.ORDERS_LEASE_SECONDS).toBe(30)
    expect(env.NUXT_CREDENTIALS_OLD_KEYS).toEqual([])
  })

  it('parses numbers, flags and lists', () => {
    const env = parseEnv({ PORT: '8080', JOBS_POLL_SECONDS: '0.5', DEBUG_UPSTREAM: 'true', NUXT_CREDENTIALS_OLD_KEYS: 'a, b,' })
    expect(env).toMatchObject({ PORT: 8080, JOBS_POLL_SECONDS: 0.5, DEBUG_UPSTREAM: true, NUXT_CREDENTIALS_OLD_KEYS: ['a', 'b'] })
  })

  it('refuses a wrong value with a sentence naming each variable', () => {
    expect(() => parseEnv({ JOBS_POLL_SECONDS: 'abc', PORT: '70000', DATABASE_URL: 'mysql://x' }))
      .toThrow(/^wrong environment: DATABASE_URL="mysql:\/\/x" \(must be a postgres:\/\/ URL\); PORT="70000" \(.*\); JOBS_POLL_SECONDS="abc" \(/)
    expect(() => parseEnv({ JOBS_DISABLED: 'yes' })).toThrow(/JOBS_DISABLED="yes"/)
  })
})
