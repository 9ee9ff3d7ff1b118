/**
 * Test-only (NUXT_TEST_ROUTES=1): puts a key in a user's keychain (`ssh_keys`) directly, so the
 * portal's tests do not depend on the keychain API being merged.
 */
import { useDb } from '#server/db/client'
import { sshKeys } from '#server/db/schema'
import { parsePublicKey } from '#shared/ssh'
import { testSshKeyBody as Body } from '#server/schemas/test-routes'
import { env } from '#server/lib/config'

export default defineEventHandler(async (event) => {
  if (!env().NUXT_TEST_ROUTES) throw httpError(404, 'Not found')
  await requireAdmin(event)
  const body = await validBody(event, Body)
  const parsed = await parsePublicKey(body.public_key)
  if (!parsed.ok) throw httpError(400, parsed.error)
  const db = await useDb()
  const [row] = await db.insert(sshKeys).values({
    userId: body.user_id, name: body.name, type: parsed.key.type, bits: parsed.key.bits, fingerprint: parsed.key.fingerprint, publicKey: parsed.key.normalized,
  }).returning()
  setResponseStatus(event, 201)
  return row
})
