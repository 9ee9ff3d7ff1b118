/** The password rule's numbers and sentences, without the zxcvbn dictionaries (small enough for every page). */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 200
export const PASSWORD_MIN_SCORE = 3

/** The length half of the rule: why the password is refused, or null when its length is fine. */
export function passwordLengthProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`
  if (password.length > PASSWORD_MAX_LENGTH) return `Passwords can have at most ${PASSWORD_MAX_LENGTH} characters`
  return null
}

/** What zxcvbn said about a password (score 0–4 and its advice). */
export interface StrengthVerdict { score: number, warning: string | null, suggestions: string[] }

/** The strength half of the rule, from zxcvbn's verdict: one sentence, or null when it is good enough. */
export function weakPasswordProblem(v: StrengthVerdict): string | null {
  if (v.score >= PASSWORD_MIN_SCORE) return null
  const why = [v.warning, ...v.suggestions].filter(Boolean).join(' ')
  return `This password is too easy to guess.${why ? ` ${why}` : ' Add more words that are less common.'}`
}
