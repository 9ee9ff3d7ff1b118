/** Provisions one order (see services/portal/provisioning.ts); a waiting step comes back later. */
import { defineJob } from '../lib/jobs'
import { runOrder } from '../services/portal/provisioning'
import { PROVISION_JOB, sendProvisionJob } from '../services/portal/orders'

export default defineJob<{ orderId: string }>(PROVISION_JOB, async ({ orderId }) => {
  const result = await runOrder(orderId)
  if (result.state === 'waiting') await sendProvisionJob(orderId, Math.ceil(result.afterMs / 1000))
})
