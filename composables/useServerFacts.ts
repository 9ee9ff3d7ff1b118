/**
 * A server's facts: a customer's server view carries its own (resolved on the server, without the
 * provider's words: white label); an admin's names its account's provider kind, whose facts load once.
 */
import type { ProviderFacts } from '~~/shared/providers/facts'

export function useServerFacts(server: () => { account?: { type: string } | null, facts?: ProviderFacts } | null | undefined) {
  const kind = useProviderFacts(() => server()?.account?.type)
  return computed<ProviderFacts | undefined>(() => server()?.facts ?? kind.value)
}
