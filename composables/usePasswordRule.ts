/**
 * The server's password rule in the form, before submit: a Vuetify rule that says why a password
 * is refused. The zxcvbn dictionaries are big, so they load on first use, in the browser only;
 * until then only the length is checked (the server checks everything anyway).
 */
import { PASSWORD_MIN_LENGTH } from '#shared/auth/password-limits'

type Check = (password: string, userInputs?: string[]) => string | null
const checker = shallowRef<Check | null>(null)
let loading: Promise<void> | undefined

export function usePasswordRule(userInputs: () => string[] = () => []) {
  onMounted(() => {
    loading ??= import('#shared/auth/password-strength').then((m) => { checker.value = m.passwordProblem })
  })
  /** Vuetify rule; `optional` lets an empty field pass (an edit that keeps the password). */
  function rule(optional = false) {
    return (v: string) => {
      if (!v) return optional ? true : 'Enter a password'
      if (checker.value) return checker.value(v, userInputs()) ?? true
      return v.length >= PASSWORD_MIN_LENGTH || `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`
    }
  }
  return { rule, ready: computed(() => !!checker.value) }
}
