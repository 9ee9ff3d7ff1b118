/** Daily: domains expiring within 30 days (at 30, 7 and 1 days) or expired alert admins and their customer, once each. */
import { defineJob } from '../lib/jobs'
import { runExpiryCheck } from '../services/domains/expiry'

export default defineJob('domains.expiry', async () => {
  const { accounts, expiring, expired } = await runExpiryCheck()
  const failed = accounts.filter(a => !a.ok)
  if (failed.length) console.warn(`[jobs] domains.expiry: could not read ${failed.map(a => a.slug).join(', ')}`)
  return { expiring: expiring.length, expired: expired.length, notified: [...expiring, ...expired].reduce((n, e) => n + e.notified, 0) }
}, { schedule: '41 6 * * *' })
