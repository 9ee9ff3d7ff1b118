/**
 * The one password rule (setup, user create/edit, password change, `npm run user:create`, and the
 * forms before submit): at least 12 characters and a zxcvbn score of 3 or more.
 *
 * The dictionaries are large, so the front end loads this module lazily (see
 * composables/usePasswordRule.ts), and the built server runs zxcvbn in a short-lived process of
 * its own (server/lib/password-check.ts): this module only where that process cannot be started.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'

import { passwordLengthProblem, weakPasswordProblem } from './password-limits'

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
  const length = passwordLengthProblem(password)
  if (length) return length
  const r = zxcvbn().check(password, userInputs.filter(Boolean))
  return weakPasswordProblem({ score: r.score, warning: r.feedback.warning, suggestions: r.feedback.suggestions })
}
