/**
 * Which action a server's state allows (shared/servers/rules.ts, the same rules the pages use),
 * plus the provider's raw-status facts looked up by account type.
 *
 * Our inventory may lag the provider, so callers refresh the server upstream first and then ask
 * here; a refusal is one sentence the API answers with a 409.
 */
import { getDefinition } from '#server/providers/registry'
import * as shared from '#shared/servers/rules'

export { ADMIN_ONLY, SERVER_ACTIONS, refusal } from '#shared/servers/rules'
export type { LifecycleOperation, ServerAction, ServerState } from '#shared/servers/rules'

const factsOf = (type: string) => getDefinition(type)?.meta.facts

/** Whether a server still waits for its install step (its provider's raw word says so). */
export const needsInstall = (type: string, rawStatus: string | null | undefined) => shared.needsInstall(factsOf(type), rawStatus)

/** Whether the provider itself is not ready for the install step yet (an unpaid order). */
export const waitingForProvider = (type: string, rawStatus: string | null | undefined) => shared.waitingForProvider(factsOf(type), rawStatus)
