/** One audit log entry as GET /api/audit answers it (the admin audit page reads the same). */
export interface AuditEntryView {
  id: number
  at: string
  /** Who: null for an anonymous attempt (a failed sign-in with an unknown address) or a job. */
  actor: { id: string, email: string, name: string } | null
  action: string
  target: string | null
  ip: string | null
  user_agent: string | null
  result: 'success' | 'failure'
  details: Record<string, unknown> | null
}

export interface AuditPage {
  items: AuditEntryView[]
  page: number
  page_size: number
  total: number
}
