/**
 * A failure with no words of its own (no API sentence, no message) reads "Something went wrong"
 * in the reader's language: utils/errors.ts stays free of Nuxt (the unit tests load it alone),
 * so the app hands it the translation here. It asks for the current app at call time, so on the
 * server each request answers in its own language.
 */
import { setErrorFallback } from '~/utils/errors'

export default defineNuxtPlugin(() => {
  setErrorFallback(() => tryUseNuxtApp()?.$i18n.t('common.somethingWrong'))
})
