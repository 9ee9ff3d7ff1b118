/**
 * Finishes a server create in the background: settles a lost answer by look-up, then runs the
 * provider's install step once it is allowed (see services/servers/provision.ts). Retried with
 * backoff while the provider is not ready.
 */
import { defineJob } from '../lib/jobs'
import { provision } from '../services/servers/provision'
import { PROVISION_JOB } from '../services/servers/queue'

export default defineJob<{ intentId: string }>(PROVISION_JOB, async (data) => {
  await provision(data.intentId)
}, { retryLimit: 30, retryDelay: 5 })
