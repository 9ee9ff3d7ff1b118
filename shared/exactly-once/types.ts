/** An exactly-once intent as GET /api/admin/intents answers it (server/services/exactly-once/review.ts). */
export interface IntentView {
  id: string
  kind: string
  state: string
  summary: string
  account: string | null
  requested_by: string | null
  upstream_id: string | null
  marker: string | null
  candidates: string[]
  reason: string | null
  how: string | null
  error: string | null
  created_at: string
  updated_at: string
}
