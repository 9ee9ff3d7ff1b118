/** Exactly-once review (admins): settle an intent whose answer was lost. */
export function useIntentsApi() {
  return {
    /** The upstream object it created is this one. */
    attach: (id: string, upstreamId: string) => $fetch(`/api/admin/intents/${id}/attach`, { method: 'POST', body: { upstream_id: upstreamId } }),
    /** Nothing was created upstream: the intent ends without spending. */
    nothingCreated: (id: string) => $fetch(`/api/admin/intents/${id}/nothing-created`, { method: 'POST' }),
  }
}
