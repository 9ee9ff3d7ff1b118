/** useAsyncAction / useKeyedAsyncAction: busy flags, kept error messages, toasts on request. */
import { describe, expect, it, vi } from 'vitest'
import { useAsyncAction, useKeyedAsyncAction } from '../../../composables/useAsyncAction'

const toastError = vi.hoisted(() => vi.fn())
// The toasts store needs an active Pinia; only its error toast is read here.
vi.mock('../../../stores/toasts', () => ({ useToastsStore: () => ({ error: toastError }) }))

/** A call that settles when the test says so. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}

describe('useAsyncAction', () => {
  it('is busy while the call runs, keeps its message on failure and resolves undefined', async () => {
    const { busy, error, run } = useAsyncAction()
    const d = deferred<number>()
    const p = run(() => d.promise)
    expect(busy.value).toBe(true)
    d.reject(new Error('upstream down'))
    expect(await p).toBeUndefined()
    expect(busy.value).toBe(false)
    expect(error.value).toBe('upstream down')
    expect(await run(async () => 7)).toBe(7)
    expect(error.value).toBe('')
  })
})

describe('useKeyedAsyncAction', () => {
  it('marks each key busy on its own while calls overlap', async () => {
    const { busy, anyBusy, run } = useKeyedAsyncAction<string>()
    const a = deferred<string>()
    const b = deferred<string>()
    const pa = run('a', () => a.promise)
    const pb = run('b', () => b.promise)
    expect([busy('a'), busy('b'), busy('c'), anyBusy.value]).toEqual([true, true, false, true])
    a.resolve('A')
    expect(await pa).toBe('A')
    expect([busy('a'), busy('b'), anyBusy.value]).toEqual([false, true, true])
    b.resolve('B')
    await pb
    expect(anyBusy.value).toBe(false)
  })

  it('frees the key on failure and toasts the message when asked to', async () => {
    const { busy, error, run } = useKeyedAsyncAction<string>({ toast: true })
    expect(await run('x', () => Promise.reject(new Error('refused')))).toBeUndefined()
    expect(busy('x')).toBe(false)
    expect(error.value).toBe('refused')
    expect(toastError).toHaveBeenCalledWith('refused')
  })
})
