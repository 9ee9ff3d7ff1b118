/** The order timeline names its steps from the messages: each step has one, in the server's English. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { LOG_CODES, STEP_LABELS } from '../../../server/services/portal/order-steps'

const messages = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../i18n/locales/${lang}/order.json`), 'utf8')).order

it('every provisioning step has its message, saying what the server says', () => {
  // `cancel` names the cancel lines of the log, which are no step of the run.
  const { cancel, ...steps } = messages('en').step
  expect(steps).toEqual(STEP_LABELS)
  expect(cancel).toBeTruthy()
})

it('every log line code has its sentence in English and Russian, with the same placeholders', () => {
  for (const lang of ['en', 'ru']) expect(Object.keys(messages(lang).log).sort(), lang).toEqual([...LOG_CODES].sort())
  const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort()
  for (const code of LOG_CODES) expect(holes(messages('ru').log[code]), code).toEqual(holes(messages('en').log[code]))
})
