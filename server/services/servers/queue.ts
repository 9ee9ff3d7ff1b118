/** Background work of the servers feature, sent to pg-boss (see server/jobs/servers-*.ts). */
import { enqueue } from '#server/lib/jobs'

export const SYNC_JOB = 'servers.sync'
export const PROVISION_JOB = 'servers.provision'

/** A sync of one account (or all) soon; failing to queue it only delays freshness. */
export function queueSync(accountId?: string) {
  return enqueue(SYNC_JOB, accountId ? { accountId } : {}).catch((err) => {
    console.warn('[servers] could not queue a sync:', (err as Error).message)
    return null
  })
}

export function queueProvision(intentId: string, opts: { startAfter?: number } = {}) {
  return enqueue(PROVISION_JOB, { intentId }, { singletonKey: intentId, ...opts })
}
