/**
 * Orders whose runner died (the app was killed mid-step) hold a lease nobody renews. Once it
 * expires, this sweep, run on start and then every lease period on each instance, hands them to
 * a new job, which resumes from the order's progress. Duplicates are harmless: one claims the lease.
 */
import { sendProvisionJob } from '../services/portal/orders'
import { leaseMs, orphanedOrders } from '../services/portal/order-lease'
import { env } from '../lib/config'

async function sweep() {
  for (const o of await orphanedOrders(leaseMs())) await sendProvisionJob(o.id)
}

export default defineNitroPlugin((nitro) => {
  if (env().JOBS_DISABLED) return
  const run = () => sweep().catch(e => console.error('[orders] recovery sweep failed:', (e as Error).message))
  const first = setTimeout(run, 1000)
  const timer = setInterval(run, leaseMs())
  nitro.hooks.hook('close', () => {
    clearTimeout(first)
    clearInterval(timer)
  })
})
