/**
 * When a renewal invoice is due. On time — the run issues it `invoice_days_before` days ahead —
 * it is due when the paid period ends, the moment the unpaid service would begin. A late run
 * (the job was down, or the settings changed) must not issue an invoice that is due already: in
 * the same run it would be reminded and, past the grace days, the server suspended, before the
 * customer could pay. Then it is due `invoice_days_before` days after issuing, the notice the
 * customer would have had. The overdue reminder, the suspension (due + grace) and the "past due"
 * filter all read this one date (renewals.due_at = invoices.due_at).
 */
const DAY_MS = 86_400_000

export function renewalDueAt(periodEnd: Date, now: Date, invoiceDaysBefore: number): Date {
  const earliest = now.getTime() + invoiceDaysBefore * DAY_MS
  return periodEnd.getTime() >= now.getTime() ? periodEnd : new Date(earliest)
}
