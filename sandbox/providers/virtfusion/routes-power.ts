/**
 * Power routes. VirtFusion queues each action and answers `{"data":{"queueId":…}}`; the guest
 * reaches its new state `transitionMs` later. Refusals: 423 for a suspended server (it is
 * locked), 409 for an action that makes no sense in the current state.
 */
import type { Router } from '../../core/router'
import { errors } from './respond'
import { isServer, loadServer } from './routes-servers'
import type { PowerAction, VirtfusionState } from './state'

const ACTIONS: PowerAction[] = ['boot', 'shutdown', 'restart', 'poweroff']

export function registerPowerRoutes(router: Router, st: VirtfusionState) {
  for (const action of ACTIONS) {
    router.post(`/servers/:serverId/power/${action}`, (req) => {
      const s = loadServer(st, req)
      if (!isServer(s)) return s
      if (s.suspended) return errors(423, 'The server is suspended.')
      if (st.buildState(s) !== 'complete') return errors(409, 'The server has not been built.')
      const now = st.powerWord(s)
      if (now !== 'running' && now !== 'shutoff') return errors(409, 'The server has a power action in progress.')
      if (action === 'boot' && now === 'running') return errors(409, 'The server is already running.')
      if ((action === 'shutdown' || action === 'poweroff') && now === 'shutoff') return errors(409, 'The server is already stopped.')
      if (action === 'restart' && now === 'shutoff') return errors(409, 'The server is not running.')
      s.pendingPower = { action, endsAt: st.now() + st.transitionMs }
      s.updated = st.iso()
      return { json: { data: { queueId: st.nextQueueId() } } }
    })
  }
}
