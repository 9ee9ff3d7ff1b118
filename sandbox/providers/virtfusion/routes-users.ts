/** Users (found by the caller's own relation id) and their SSH keys. */
import type { Router } from '../../core/router'
import { errors, isId, isResponse, noContent, notFound, pathId } from './respond'
import { randomPassword, type VirtfusionState } from './state'
import { sshKeyView, userView } from './views'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PUBLIC_KEY = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/

export function registerUserRoutes(router: Router, st: VirtfusionState) {
  router.get('/users/:extRelationId/byExtRelation', (req) => {
    const u = st.users.find(x => x.extRelationId !== null && String(x.extRelationId) === req.params.extRelationId)
    return u ? { json: { data: userView(u) } } : notFound('user')
  })

  router.post('/users', (req) => {
    const b = req.body ?? {}
    const problems: string[] = []
    if (typeof b.name !== 'string' || !b.name.trim()) problems.push('The name field is required.')
    if (typeof b.email !== 'string' || !b.email) problems.push('The email field is required.')
    else if (!EMAIL.test(b.email)) problems.push('The email must be a valid email address.')
    else if (st.users.some(u => u.email.toLowerCase() === b.email.toLowerCase())) problems.push('The email has already been taken.')
    if (b.extRelationId !== undefined) {
      if (!isId(b.extRelationId)) problems.push('The ext relation id must be an integer.')
      else if (st.users.some(u => u.extRelationId === b.extRelationId)) problems.push('The ext relation id has already been taken.')
    }
    if (problems.length) return errors(422, ...problems)
    const at = st.iso()
    const u = { id: st.nextUserId(), admin: false, extRelationId: b.extRelationId ?? null, name: b.name.trim(), email: b.email, timezone: 'Europe/London', suspended: false, created: at, updated: at }
    st.users.push(u)
    return { status: 201, json: { data: { ...userView(u), password: randomPassword(30) } } }
  })

  router.get('/ssh_keys/user/:userId', (req) => {
    const id = pathId(req, 'userId')
    if (isResponse(id)) return id
    if (!st.users.some(u => u.id === id)) return notFound('user')
    return { json: { data: st.sshKeys.filter(k => k.userId === id).map(sshKeyView) } }
  })

  router.get('/ssh_keys/:keyId', (req) => {
    const id = pathId(req, 'keyId')
    if (isResponse(id)) return id
    const k = st.sshKeys.find(x => x.id === id)
    return k ? { json: { data: sshKeyView(k) } } : notFound('SSH key')
  })

  router.post('/ssh_keys', (req) => {
    const b = req.body ?? {}
    const problems: string[] = []
    if (b.userId === undefined) problems.push('The user id field is required.')
    else if (!isId(b.userId)) problems.push('The user id must be an integer.')
    else if (!st.users.some(u => u.id === b.userId)) problems.push('Invalid user')
    if (typeof b.name !== 'string' || !b.name.trim()) problems.push('The name field is required.')
    const key = typeof b.publicKey === 'string' ? b.publicKey.trim() : ''
    if (!key) problems.push('The public key field is required.')
    else if (!PUBLIC_KEY.test(key)) problems.push('The public key is not a valid OpenSSH public key.')
    else if (st.sshKeys.some(k => k.userId === b.userId && k.publicKey.split(' ')[1] === key.split(' ')[1])) problems.push('The public key has already been added.')
    if (problems.length) return errors(422, ...problems)
    const at = st.iso()
    const k = { id: st.nextKeyId(), userId: b.userId as number, name: (b.name as string).trim(), publicKey: key, type: 'OpenSSH', enabled: true, created: at, updated: at }
    st.sshKeys.push(k)
    return { status: 201, json: { data: { id: k.id, name: k.name, type: k.type, createdAt: at.replace('+00:00', '.000000Z') } } }
  })

  router.delete('/ssh_keys/:keyId', (req) => {
    const id = pathId(req, 'keyId')
    if (isResponse(id)) return id
    const before = st.sshKeys.length
    st.sshKeys = st.sshKeys.filter(k => k.id !== id)
    if (st.sshKeys.length === before) return notFound('SSH key')
    for (const s of st.servers) s.sshKeyIds = s.sshKeyIds.filter(k => k !== id)
    return noContent
  })
}
