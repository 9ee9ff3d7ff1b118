/**
 * The server's password rule in the form, before submit: a Vuetify rule that says why a password
 * is refused. The zxcvbn dictionaries are big, so they load on first use, in the browser only;
 * until then only the length is checked (the server checks everything anyway).
 * zxcvbn explains a weak password in English only (it has no Russian language pack), so other
 * languages get one sentence of their own instead of its hints.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/auth/password-limits'

type Check = (password: string, userInputs?: string[]) => string | null
const checker = shallowRef<Check | null>(null)
let loading: Promise<void> | undefined

export function usePasswordRule(userInputs: () => string[] = () => []) {
  const { t, locale } = useI18n()
  onMounted(() => {
    loading ??= import('#shared/auth/password-strength').then((m) => { checker.value = m.passwordProblem })
  })
  /** Vuetify rule; `optional` lets an empty field pass (an edit that keeps the password). */
  function rule(optional = false) {
    return (v: string) => {
      if (!v) return optional ? true : t('user.password.required')
      if (v.length < PASSWORD_MIN_LENGTH) return t('user.password.tooShort', { n: PASSWORD_MIN_LENGTH })
      if (v.length > PASSWORD_MAX_LENGTH) return t('user.password.tooLong', { n: PASSWORD_MAX_LENGTH })
      const problem = checker.value?.(v, userInputs())
      if (!problem) return true
      return locale.value === 'en' ? problem : t('user.password.tooEasy')
    }
  }
  return { rule, ready: computed(() => !!checker.value) }
}
