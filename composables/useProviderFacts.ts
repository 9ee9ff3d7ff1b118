/** The facts of one provider kind (what it allows, how it reads), loaded once for the whole app. */
import { useProviderTypesStore } from '~/stores/providerTypes'

export function useProviderFacts(type: () => string | null | undefined) {
  const kinds = useProviderTypesStore()
  // In the browser only: the facts route needs the session cookie.
  onMounted(() => kinds.load())
  return computed(() => kinds.facts(type()))
}
