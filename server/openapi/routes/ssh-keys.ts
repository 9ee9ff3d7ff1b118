import { z } from 'zod'
import { sshKeyAccountParams, sshKeyDeleteQuery, sshKeyParams, sshKeyPushBody, sshKeyRenameBody } from '#server/schemas/ssh-keys'
import { sshKeyInputSchema } from '#shared/ssh'
import { defineRoutes, obj } from '../define'
import { keychainKey, presenceOverview, pushResult } from '#shared/schemas/ssh-keys'

const accountResult = obj({ account: z.string(), status: z.string() })

export default defineRoutes('SSH keys', 'Your keychain (fingerprints as `ssh-keygen -lf`), pushed to provider accounts, with presence per account', [
  { method: 'get', path: '/api/ssh-keys', access: 'user', summary: 'Your keys (admins: with presence per provider account)', answers: { 200: { description: 'Keys', schema: z.array(keychainKey) } } },
  {
    method: 'post', path: '/api/ssh-keys', access: 'user', summary: 'Add a public key',
    description: 'Body `{ name?, public_key }`. A private key, a weak or malformed key is a 400 with the reason; the same key twice is a 409 (`code: duplicate_key`).',
    body: sshKeyInputSchema, answers: { 201: { description: 'Added', schema: keychainKey } }, errors: { 409: 'Already in your keychain (`code: duplicate_key`)' },
  },
  { method: 'get', path: '/api/ssh-keys/presence', access: 'admin', summary: 'Which keys are on which provider account', answers: { 200: { description: 'Presence', schema: presenceOverview } } },
  { method: 'get', path: '/api/ssh-keys/{id}', access: 'user', summary: 'One of your keys', params: sshKeyParams, answers: { 200: { description: 'The key', schema: keychainKey } } },
  { method: 'patch', path: '/api/ssh-keys/{id}', access: 'user', summary: 'Rename a key', params: sshKeyParams, body: sshKeyRenameBody, answers: { 200: { description: 'The key', schema: keychainKey } } },
  {
    method: 'delete', path: '/api/ssh-keys/{id}', access: 'user', summary: 'Delete a key (`everywhere=1`: also from every provider account)',
    params: sshKeyParams, query: sshKeyDeleteQuery, answers: { 200: { description: 'Deleted', schema: obj({ providers: z.array(accountResult) }) } },
  },
  { method: 'post', path: '/api/ssh-keys/{id}/push', access: 'admin', summary: 'Push a key to provider accounts', params: sshKeyParams, body: sshKeyPushBody, answers: { 200: { description: 'One result per account', schema: z.array(pushResult) } } },
  { method: 'delete', path: '/api/ssh-keys/{id}/providers/{provider}', access: 'admin', summary: 'Remove a key from one provider account', params: sshKeyAccountParams, answers: { 200: { description: 'Result', schema: obj({ status: z.string() }) } } },
])
