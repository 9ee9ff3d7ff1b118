import { addAddresses } from '#server/services/servers/network'
import { targetByUpstream } from '#server/services/servers/target'
import { vmParams as Params } from '#server/schemas/hosting'
import { ipAddBody } from '#server/schemas/server-ops'
import { parseIdempotencyKey } from '#server/services/exactly-once/keys'

/**
 * Adds IPv4 addresses, exactly once (providers bill for them): `Idempotency-Key` is optional; the
 * same key answers the first result (another body: 422), and without one an identical request
 * within a minute does. 202 `{ status, intent }` while a lost answer is being checked.
 */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { provider, id } = validParams(event, Params)
  // Whose server first: someone else's is a 404 whatever the body says.
  const target = await targetByUpstream(provider, id, user)
  const key = parseIdempotencyKey(getHeader(event, 'idempotency-key'))
  const body = await validBody(event, ipAddBody)
  return intentAnswer(event, await addAddresses(target, user, body, key), 'Whether the addresses were added is not known yet: it is being checked (ask again with the same key; they are never added twice).')
})
