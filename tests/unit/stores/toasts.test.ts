/** The toasts store keeps the newest three: a longer stack hides the page. */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_SHOWN, useToastsStore } from '../../../stores/toasts'

describe('toasts store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('keeps at most the newest three, oldest dropped first', () => {
    const toasts = useToastsStore()
    for (const n of [1, 2, 3, 4, 5]) toasts.info(`toast ${n}`, { timeout: 0 })
    expect(MAX_SHOWN).toBe(3)
    expect(toasts.items.map(t => t.text)).toEqual(['toast 3', 'toast 4', 'toast 5'])
  })

  it('dismisses one by id and keeps the others', () => {
    const toasts = useToastsStore()
    const first = toasts.success('saved', { timeout: 0 })
    toasts.error('failed', { timeout: 0 })
    toasts.dismiss(first)
    expect(toasts.items.map(t => [t.level, t.text])).toEqual([['error', 'failed']])
  })
})
