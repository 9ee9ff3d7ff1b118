/** `sshkey.add`, `sshkey.list`, `sshkey.remove`. */
import type { Action } from './actions-billing'
import { fail, ok } from './protocol'

const KEY_RE = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-\S+)\s+[A-Za-z0-9+/]+={0,3}(\s+.*)?$/

/** Answers with a message and no id, as the doc implies: callers re-read the list. */
export const sshkeyAdd: Action = ({ state, p }) => {
  const text = (p.sshkey ?? '').trim()
  if (!KEY_RE.test(text)) return fail('Invalid SSH key')
  const blob = text.split(/\s+/)[1]
  if (state.sshkeys.some(k => k.sshkey.split(/\s+/)[1] === blob)) return fail('SSH key already exists')
  const id = state.next.sshkey++
  // Without `name` the panel names the key after its comment.
  const name = p.name?.trim() || text.split(/\s+/).slice(2).join(' ') || `key${id}`
  state.sshkeys.push({ id, name, sshkey: text })
  return ok({ message: 'SSH key added' })
}

export const sshkeyList: Action = ({ state }) => ok({
  list: state.sshkeys.map(k => ({ id: String(k.id), name: k.name, sshkey: k.sshkey })),
})

export const sshkeyRemove: Action = ({ state, p }) => {
  const i = state.sshkeys.findIndex(k => String(k.id) === p.id)
  if (i < 0) return fail('SSH key not found')
  const [removed] = state.sshkeys.splice(i, 1)
  for (const o of state.orders) if (o.vps) o.vps.sshkeyIds = o.vps.sshkeyIds.filter(id => id !== removed!.id)
  return ok({ message: 'SSH key removed' })
}
