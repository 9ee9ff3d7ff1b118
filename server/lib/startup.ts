/** One clear line and a non-zero exit for a start-up step that failed (see plugins/00.startup.ts). */
export function stopOnStartupFailure(step: 'configuration' | 'database' | 'background jobs', err: unknown): never {
  console.error(`[startup] ${step} failed, stopping: ${describe(err)}`)
  process.exit(1)
}

/** The error and its causes in one line: drizzle's "Failed query: …" hides the driver's ECONNREFUSED in `cause`. */
function describe(err: unknown): string {
  const parts: string[] = []
  for (let e: any = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
    const text = (e instanceof Error ? e.message : String(e)).split('\n')[0] || e.code
    if (text && !parts.includes(text)) parts.push(text)
  }
  return parts.join(': ')
}
