/** One readable sentence from whatever $fetch threw: our API's `{ error }`, or a network failure. */
export function errorMessage(e: unknown, fallback = 'Something went wrong'): string {
  const err = e as { data?: { error?: string, message?: string }, statusMessage?: string, message?: string }
  return err?.data?.error ?? err?.data?.message ?? err?.statusMessage ?? err?.message ?? fallback
}

export function errorStatus(e: unknown): number | undefined {
  return (e as { statusCode?: number, status?: number })?.statusCode ?? (e as { status?: number })?.status
}
