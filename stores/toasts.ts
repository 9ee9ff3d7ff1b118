/** Flash messages: stacked, auto-dismissed, optionally with one action. */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ToastLevel = 'success' | 'info' | 'warning' | 'error'
export interface Toast {
  id: number
  level: ToastLevel
  text: string
  timeout: number
  action?: { label: string, handler: () => void }
}

let nextId = 1
export const MAX_SHOWN = 3

export const useToastsStore = defineStore('toasts', () => {
  const items = ref<Toast[]>([])

  function push(level: ToastLevel, text: string, opts: { timeout?: number, action?: Toast['action'] } = {}) {
    // Errors stay longer: they are the ones people need to read.
    const timeout = opts.timeout ?? (level === 'error' ? 9000 : 5000)
    const toast: Toast = { id: nextId++, level, text, timeout, action: opts.action }
    items.value.push(toast)
    // The newest few only: a longer stack hides the page and nobody reads the old ones.
    if (items.value.length > MAX_SHOWN) items.value.splice(0, items.value.length - MAX_SHOWN)
    if (timeout > 0 && import.meta.client) setTimeout(() => dismiss(toast.id), timeout)
    return toast.id
  }

  function dismiss(id: number) {
    items.value = items.value.filter(t => t.id !== id)
  }

  return {
    items,
    push,
    dismiss,
    success: (t: string, o?: Parameters<typeof push>[2]) => push('success', t, o),
    info: (t: string, o?: Parameters<typeof push>[2]) => push('info', t, o),
    warning: (t: string, o?: Parameters<typeof push>[2]) => push('warning', t, o),
    error: (t: string, o?: Parameters<typeof push>[2]) => push('error', t, o),
  }
})
