/** Daily: domains expiring within 30 days notify admins and their customer (once per expiry date). */
import { defineJob } from '../lib/jobs'
import { runExpiryCheck } from '../services/domains/expiry'

export default defineJob('domains.expiry', async () => {
  const { accounts, expiring } = await runExpiryCheck()
  const failed = accounts.filter(a => !a.ok)
  if (failed.length) console.warn(`[jobs] domains.expiry: could not read ${failed.map(a => a.slug).join(', ')}`)
  return { expiring: expiring.length, notified: expiring.reduce((n, e) => n + e.notified, 0) }
}, { schedule: '41 6 * * *' })
