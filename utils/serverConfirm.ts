/**
 * Power actions that are hard to undo ask first, in words that say what will happen. The words
 * live here, in one table, so they move to the translations in one piece later.
 */
import type { ServerAction, ServerLike } from '~~/shared/servers/rules'

interface ConfirmWords { verb: string, one: string, many: string, color: string }

const WORDS: Partial<Record<ServerAction, ConfirmWords>> = {
  stop: {
    verb: 'Stop',
    one: 'The server is shut down; its sites go offline until it is started again.',
    many: 'Each server is shut down; their sites go offline until they are started again.',
    color: 'warning',
  },
  poweroff: {
    verb: 'Power off',
    one: 'The power is cut at once, like pulling the plug: unsaved data can be lost, and its sites go offline until it is started again.',
    many: 'The power of each server is cut at once: unsaved data can be lost, and their sites go offline until they are started again.',
    color: 'error',
  },
  restart: {
    verb: 'Restart',
    one: 'The server reboots; its sites are offline until it is back up, usually a minute or two.',
    many: 'Each running server reboots; their sites are offline until they are back up, usually a minute or two.',
    color: 'warning',
  },
  suspend: {
    verb: 'Suspend',
    one: 'The server is stopped and its owner cannot start it until an administrator unsuspends it.',
    many: 'Each server is stopped and its owner cannot start it until an administrator unsuspends it.',
    color: 'warning',
  },
}

/** Start and unsuspend are easy to take back; a restart only matters to a server that runs. */
export function needsConfirm(action: ServerAction, server?: Pick<ServerLike, 'status'>): boolean {
  if (!WORDS[action]) return false
  return action !== 'restart' || !server || server.status === 'running'
}

/** The dialog's title, text and button for `action` on the named servers (one or more). */
export function confirmWords(action: ServerAction, names: string[]) {
  const w = WORDS[action]
  if (!w) return null
  const single = names.length === 1
  return {
    title: single ? `${w.verb} ${names[0]}?` : `${w.verb} ${names.length} servers?`,
    text: single ? w.one : w.many,
    confirmLabel: w.verb,
    color: w.color,
  }
}

const PROGRESS: Record<ServerAction, string> = {
  start: 'is starting', stop: 'is stopping', restart: 'is restarting', poweroff: 'is powering off', suspend: 'is being suspended', unsuspend: 'is being unsuspended',
}

/** The progress line while an action sent from the page has not shown its effect yet. */
export function actionProgress(action: ServerAction, name: string) {
  return `${name} ${PROGRESS[action]}…`
}
