/**
 * Refusals that carry more than one sentence: the plan behind an `unsafe_change`, the
 * per-record messages behind `invalid_records`, the line numbers of a zone file. The global
 * error handler only keeps `{ error, code }`, so DNS handlers answer these themselves
 * (server/utils/dns-handler.ts).
 */
export class DnsRefusal extends Error {
  constructor(readonly statusCode: number, message: string, readonly code: string, readonly details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'DnsRefusal'
  }

  toBody() {
    return { error: this.message, code: this.code, ...this.details }
  }
}

export function isDnsRefusal(e: unknown): e is DnsRefusal {
  return e instanceof DnsRefusal
}
