/** The two faces of a create: the wizard's answer (ServerView + intent) and the seed's (VM). */
import type { z } from 'zod'
import type { User } from '#server/db/schema'
import { createServerOnce } from './create'
import type { createBody, seedCreateBody } from './schemas'
import { presentServer, toSeedVm } from './view'

const intentView = (i: { id: string, state: string }) => ({ id: i.id, state: i.state })

export async function createFromWizard(user: User, headerKey: string | undefined, body: z.infer<typeof createBody>) {
  const { idempotency_key: bodyKey, ...req } = body
  const out = await createServerOnce(user, headerKey ?? bodyKey, req)
  return {
    statusCode: out.first ? 202 : 200,
    intentId: out.intent.id,
    body: { server: out.row ? await presentServer(out.row, user) : null, intent: intentView(out.intent) },
  }
}

export async function createFromSeed(user: User, slug: string, headerKey: string | undefined, body: z.infer<typeof seedCreateBody>) {
  const { idempotency_key: bodyKey, ssh_key_id: sshKeyId, ...rest } = body
  const out = await createServerOnce(user, headerKey ?? bodyKey, { ...rest, account: slug, ssh_key_ids: sshKeyId ? [sshKeyId] : undefined })
  // An outcome not known yet (or waiting for review) has no VM to show.
  if (!out.row) return { statusCode: 202, intentId: out.intent.id, body: { status: out.intent.state, intent: intentView(out.intent) } }
  return { statusCode: out.first ? 201 : 200, intentId: out.intent.id, body: toSeedVm(out.row) }
}
