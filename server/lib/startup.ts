/** One clear line and a non-zero exit for a start-up step that failed (see plugins/00.startup.ts). */
export function stopOnStartupFailure(step: 'configuration' | 'database' | 'background jobs', err: unknown): never {
  const message = err instanceof Error ? err.message : String(err)
  console.error(`[startup] ${step} failed, stopping: ${message.split('\n')[0]}`)
  process.exit(1)
}
