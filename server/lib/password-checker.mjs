// @ts-check
/**
 * zxcvbn in a process of its own (server/lib/password-check.ts starts it): its dictionaries take
 * ~16 MB of heap (~40 MB resident) once loaded, and a module once imported stays in memory for
 * good. Passwords are checked seldom (setup, a new user, a password change), so the app keeps
 * none of that: this process answers while passwords are being checked and exits when idle.
 *
 * Plain JavaScript, run by node as it is (nuxt.config.ts copies it next to the built server).
 * Messages over IPC: `{ id, password, userInputs }` in, `{ id, score, warning, suggestions }` out.
 * It exits when the IPC channel closes (the app let it go, exited, or was killed).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'

const factory = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
})

process.on('message', (/** @type {{ id: number, password: string, userInputs?: string[] }} */ m) => {
  try {
    const r = factory.check(m.password, (m.userInputs ?? []).filter(Boolean))
    process.send?.({ id: m.id, score: r.score, warning: r.feedback.warning, suggestions: r.feedback.suggestions })
  }
  catch (err) {
    process.send?.({ id: m.id, error: String(/** @type {Error} */ (err).message ?? err) })
  }
})
process.on('disconnect', () => process.exit(0))
process.send?.({ ready: true })
