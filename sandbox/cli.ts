/** `npm run sandbox`: the four simulated providers on SANDBOX_PORT (default 4010). */
import { startSandbox } from './server'
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from './credentials'

const sb = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 4010), host: process.env.SANDBOX_HOST ?? '127.0.0.1' })
console.log(`sandbox listening on ${sb.url}`)
for (const p of Object.keys(SANDBOX_CREDENTIALS) as (keyof typeof SANDBOX_CREDENTIALS)[]) {
  console.log(`  ${p.padEnd(11)} ${sandboxBaseUrl(sb.url, p)}`)
}
const stop = async () => { await sb.close(); process.exit(0) }
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
