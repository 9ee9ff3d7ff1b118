/**
 * Busy and error state around one async call, the pattern every form and dialog repeats:
 * `run(call)` sets `busy`, clears `error`, and if the call throws keeps its readable message
 * (utils `errorMessage`) in `error` instead of rethrowing. It resolves to the call's result, or
 * undefined when it failed. `toast: true` also shows the message as an error toast; a caller
 * that reads more than the message (a DNS refusal's plan) passes `onError`.
 * Imports spelled out (not auto-imported) so the unit tests can load it outside Nuxt.
 */
import { computed, ref, shallowReactive, type Ref } from 'vue'
import { useToastsStore } from '~~/stores/toasts'
import { errorMessage } from '~~/utils/errors'

export function useAsyncAction(opts: { toast?: boolean } = {}) {
  const busy = ref(false)
  const error = ref('')
  const guarded = guardedCall(error, opts)

  function run<T>(call: () => Promise<T>, onError?: (e: unknown) => void): Promise<T | undefined> {
    busy.value = true
    return guarded(call, onError, () => { busy.value = false })
  }

  return { busy, error, run }
}

/**
 * The same for rows that each have their own button (adopt this key, retry this order): `run(key,
 * call)` marks `key` busy until its call settles, `busy(key)` says whether it is, and `anyBusy`
 * whether any is. Calls for different keys may overlap; the last error is kept.
 */
export function useKeyedAsyncAction<K>(opts: { toast?: boolean } = {}) {
  const pending = shallowReactive(new Set<K>())
  const error = ref('')
  const guarded = guardedCall(error, opts)

  function run<T>(key: K, call: () => Promise<T>, onError?: (e: unknown) => void): Promise<T | undefined> {
    pending.add(key)
    return guarded(call, onError, () => { pending.delete(key) })
  }

  return { busy: (key: K) => pending.has(key), anyBusy: computed(() => pending.size > 0), error, run }
}

function guardedCall(error: Ref<string>, opts: { toast?: boolean }) {
  return async <T>(call: () => Promise<T>, onError: ((e: unknown) => void) | undefined, settle: () => void): Promise<T | undefined> => {
    error.value = ''
    try { return await call() }
    catch (e) {
      error.value = errorMessage(e)
      if (onError) onError(e)
      else if (opts.toast) useToastsStore().error(error.value)
      return undefined
    }
    finally { settle() }
  }
}
