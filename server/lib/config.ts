/**
 * Every environment variable the server reads, read once and checked with zod at start-up
 * (plugins/00.startup.ts): a wrong value stops the process with a sentence naming the variable,
 * instead of a NaN timeout or a silently ignored setting much later. The README's
 * "Configuration" table lists exactly these names (tests/unit/config.test.ts checks it).
 */
import { z } from 'zod'

const flag = z.enum(['0', '1', 'true', 'false', '']).transform(v => v === '1' || v === 'true')
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max)

const schema = z.object({
  // Where the data lives
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATABASE_POOL_MAX: int(1, 1000).default(10),
  DATABASE_LOCK_POOL_MAX: int(1, 100).default(5),
  PGLITE_DIR: z.string().min(1).optional(),
  MIGRATIONS_DIR: z.string().min(1).optional(),
  // Secrets (their own checks: plugins/00.startup.ts and lib/credentials-crypto.ts)
  NUXT_CREDENTIALS_KEY: z.string().min(1).optional(),
  NUXT_CREDENTIALS_OLD_KEYS: z.string().default('').transform(v => v.split(',').map(s => s.trim()).filter(Boolean)),
  NUXT_SESSION_PASSWORD: z.string().default(''),
  // The HTTP server (read by Nitro itself; checked here so a typo fails loudly)
  PORT: int(1, 65535).default(3000),
  HOST: z.string().min(1).optional(),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform(v => v === '1' || v === 'true' || v === 'yes').default(false),
  // Sign-in
  LOGIN_IP_MAX_FAILURES: int(1).default(50),
  REAUTH_MAX_AGE_SECONDS: int(10).default(300),
  TOTP_ISSUER: z.string().min(1).max(60).default('Hosting panel'),
  // Simulated providers (server/utils/sandbox.ts). Only `npm run dev` can start them in-process;
  // a production build does not contain them, so there NUXT_SANDBOX=1 needs SANDBOX_URL (a
  // sandbox run apart, `npm run sandbox`), and without it "connect" answers 503 sandbox_unavailable.
  NUXT_SANDBOX: z.enum(['0', '1']).optional(),
  SANDBOX_URL: z.url().optional(),
  SANDBOX_PORT: int(0, 65535).default(0),
  // Providers
  UPSTREAM_TIMEOUT_MS: int(100).default(15_000),
  DEBUG_UPSTREAM: flag.default(false),
  // Exactly-once engine (server/services/exactly-once)
  EXACTLY_ONCE_DEADLINE_MS: int(1000).default(10 * 60_000),
  EXACTLY_ONCE_RECHECK_MS: int(100).default(5_000),
  // Background jobs
  JOBS_DISABLED: flag.default(false),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).default(1),
  // Customer orders
  ORDERS_LEASE_SECONDS: int(2).default(30),
  ORDERS_POLL_MS: int(10).default(1000),
  ORDERS_IN_PLACE_WAIT_MS: int(0).default(15_000),
  ORDERS_RUNNING_TIMEOUT_MS: int(1000).default(30 * 60_000),
  ORDERS_PAYMENT_TIMEOUT_MS: int(1000).default(10 * 60_000),
  // Alerts (server/services/alerts): webhook attempts before a delivery is marked failed, the first
  // retry's delay (doubling after each), and how long one receiver may take to answer
  ALERTS_WEBHOOK_ATTEMPTS: int(1, 20).default(5),
  ALERTS_WEBHOOK_RETRY_SECONDS: int(1).default(30),
  ALERTS_WEBHOOK_TIMEOUT_MS: int(100).default(10_000),
  // Tests only
  NUXT_TEST_ROUTES: flag.default(false),
})

export type ServerEnv = z.infer<typeof schema>

/** The names, for the README check. */
export const ENV_VARIABLES = Object.keys(schema.shape)

/** Parses a set of variables; throws one sentence naming every wrong one. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  // An empty variable counts as unset, as `VAR= node …` means in a shell or a unit file.
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')))
  if (result.success) return result.data
  const wrong = result.error.issues.map((i) => {
    const name = String(i.path[0])
    return `${name}=${JSON.stringify(source[name])} (${i.message})`
  })
  throw new Error(`wrong environment: ${wrong.join('; ')}`)
}

let cached: ServerEnv | undefined

/** The server's environment, parsed on first use and then kept. */
export function env(): ServerEnv {
  return (cached ??= parseEnv(process.env))
}
