/** The order timeline names its steps from the messages: each step has one, in the server's English. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { STEP_LABELS } from '../../../server/services/portal/order-steps'

it('every provisioning step has its message, saying what the server says', () => {
  const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../i18n/locales/en/order.json'), 'utf8')).order.step
  expect(en).toEqual(STEP_LABELS)
})
