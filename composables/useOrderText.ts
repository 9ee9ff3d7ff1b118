/** An order's failure as the reader's language says it: by its code where the API gives one, else its English sentence. */
export function useOrderText() {
  const { t, te } = useI18n()
  function orderError(o: { error: string | null, error_code?: string | null, error_params?: Record<string, string> }): string | null {
    if (o.error_code && te(`order.error.${o.error_code}`)) {
      const step = o.error_params?.step ?? ''
      return t(`order.error.${o.error_code}`, { ...o.error_params, step: te(`order.step.${step}`) ? t(`order.step.${step}`) : step })
    }
    return o.error
  }
  return { orderError }
}
