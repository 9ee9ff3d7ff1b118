/** An order's failure and log lines as the reader's language says them: by their codes where the API gives them, else its English sentence. */
export function useOrderText() {
  const { t, te } = useI18n()
  /** A step's name in the reader's language; the name itself for a step the messages do not know. */
  const stepName = (step: string) => (te(`order.step.${step}`) ? t(`order.step.${step}`) : step)

  function orderError(o: { error: string | null, error_code?: string | null, error_params?: Record<string, string> }): string | null {
    if (o.error_code && te(`order.error.${o.error_code}`)) {
      return t(`order.error.${o.error_code}`, { ...o.error_params, step: stepName(o.error_params?.step ?? '') })
    }
    return o.error
  }

  /** A provisioning log line: `order.log.<code>` with its specifics (a `step` by its name); lines older than the codes keep their English. */
  function logMessage(message: string | null, code: unknown, params: unknown): string | null {
    if (typeof code !== 'string' || !te(`order.log.${code}`)) return message
    const p = { ...(params && typeof params === 'object' ? params as Record<string, unknown> : {}) }
    if (typeof p.step === 'string') p.step = stepName(p.step)
    return t(`order.log.${code}`, p)
  }
  return { orderError, logMessage, stepName }
}
