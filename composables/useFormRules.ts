/**
 * The checks a form makes before it sends anything, as Vuetify rules in the reader's language:
 * a required field names what is missing, an email must look like one. The server checks again.
 */
/** Loose on purpose: something@something.tld; the server's zod email check has the last word. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function useFormRules() {
  const { t } = useI18n()
  return {
    /** `message` names the field: "Enter your name". */
    required: (message: string) => (v: unknown) => (typeof v === 'string' ? !!v.trim() : v !== null && v !== undefined) || message,
    email: (v: string) => !v?.trim() || EMAIL_SHAPE.test(v.trim()) || t('common.form.emailInvalid'),
  }
}
