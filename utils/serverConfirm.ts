/**
 * Power actions that are hard to undo ask first, in words that say what will happen
 * (`server.confirm.<action>` in the server messages).
 */
import type { ServerAction, ServerLike } from '~~/shared/servers/rules'
import type { Translate } from './servers'

const COLOR: Partial<Record<ServerAction, string>> = { stop: 'warning', poweroff: 'error', restart: 'warning', suspend: 'warning' }

/** Start and unsuspend are easy to take back; a restart only matters to a server that runs. */
export function needsConfirm(action: ServerAction, server?: Pick<ServerLike, 'status'>): boolean {
  if (!COLOR[action]) return false
  return action !== 'restart' || !server || server.status === 'running'
}

/** The dialog's title, text and button for `action` on the named servers (one or more). */
export function confirmWords(action: ServerAction, names: string[], t: Translate) {
  const color = COLOR[action]
  if (!color) return null
  const single = names.length === 1
  return {
    title: single ? t(`server.confirm.${action}.title`, { name: names[0] }) : t(`server.confirm.${action}.titleMany`, { n: names.length }, names.length),
    text: t(`server.confirm.${action}.${single ? 'one' : 'many'}`),
    confirmLabel: t(`server.action.${action}`),
    color,
  }
}

/** The progress line while an action sent from the page has not shown its effect yet. */
export function actionProgress(action: ServerAction, name: string, t: Translate) {
  return t(`server.progress.${action}`, { name })
}
