/**
 * Calls our API and reports failures as an error toast, so every page handles errors the
 * same way. Returns undefined on failure (the toast already told the user).
 */
import { useToastsStore } from '~/stores/toasts'

type FetchOpts = Parameters<typeof $fetch>[1]

export function useApi() {
  const toasts = useToastsStore()
  async function call<T>(url: string, opts?: FetchOpts & { success?: string, quiet?: boolean }): Promise<T | undefined> {
    try {
      const res = await $fetch<T>(url, opts as any)
      if (opts?.success) toasts.success(opts.success)
      return res as T
    }
    catch (e) {
      if (!opts?.quiet) toasts.error(errorMessage(e))
      return undefined
    }
  }
  return { call }
}
