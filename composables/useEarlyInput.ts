/**
 * Keeps what was typed into a server-rendered form before Vue hydrated it. Hydration sets each
 * v-model input back to the component's (empty) state, so on a slow phone or a busy machine the
 * first keystrokes, or a password manager's fill, vanished and the form then sent nothing.
 *
 * Just before the page hydrates, the inputs' DOM values (`<input name="…">`) are read; once it is
 * mounted they go into the form, unless the form already has a value of its own. `hydrated` is
 * false until then: bind the submit button's `disabled` to it, so that neither a click nor Enter
 * sends the form as a plain HTML form before the app handles it.
 */
export function useEarlyInput<F extends Record<string, string>>(form: F, names: (keyof F & string)[]) {
  const hydrated = ref(false)
  // Only the first render from server markup: after a client-side navigation there is nothing early.
  const hydrating = useNuxtApp().isHydrating
  const early: Partial<Record<keyof F, string>> = {}
  onBeforeMount(() => {
    if (!hydrating) return
    for (const name of names) {
      const value = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value
      if (value) early[name] = value
    }
  })
  onMounted(() => {
    for (const name of names) {
      const value = early[name]
      if (value && !form[name]) (form as Record<string, string>)[name] = value
    }
    hydrated.value = true
  })
  return { hydrated }
}
