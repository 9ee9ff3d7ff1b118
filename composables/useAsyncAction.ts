/**
 * Busy and error state around one async call, the pattern every form and dialog repeats:
 * `run(call)` sets `busy`, clears `error`, and if the call throws keeps its readable message
 * (utils `errorMessage`) in `error` instead of rethrowing. It resolves to the call's result, or
 * undefined when it failed. `toast: true` also shows the message as an error toast; a caller
 * that reads more than the message (a DNS refusal's plan) passes `onError`.
 */
export function useAsyncAction(opts: { toast?: boolean } = {}) {
  const busy = ref(false)
  const error = ref('')

  async function run<T>(call: () => Promise<T>, onError?: (e: unknown) => void): Promise<T | undefined> {
    busy.value = true
    error.value = ''
    try { return await call() }
    catch (e) {
      error.value = errorMessage(e)
      if (onError) onError(e)
      else if (opts.toast) useToastsStore().error(error.value)
      return undefined
    }
    finally { busy.value = false }
  }

  return { busy, error, run }
}
