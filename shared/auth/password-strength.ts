/**
 * The one password rule (setup, user create/edit, password change, `npm run user:create`, and the
 * forms before submit): at least 12 characters and a zxcvbn score of 3 or more.
 *
 * The dictionaries are large, so the front end loads this module lazily (see
 * composables/usePasswordRule.ts); the server imports it directly.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from './password-limits'

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE }

let factory: ZxcvbnFactory | undefined
function zxcvbn() {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  })
  return factory
}

/** Why the password is refused, as one sentence, or null when it is good enough. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`
  if (password.length > PASSWORD_MAX_LENGTH) return `Passwords can have at most ${PASSWORD_MAX_LENGTH} characters`
  const r = zxcvbn().check(password, userInputs.filter(Boolean))
  if (r.score >= PASSWORD_MIN_SCORE) return null
  const why = [r.feedback.warning, ...r.feedback.suggestions].filter(Boolean).join(' ')
  return `This password is too easy to guess.${why ? ` ${why}` : ' Add more words that are less common.'}`
}
