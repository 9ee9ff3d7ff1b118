/**
 * The provider page's words for each provider come from the messages (so they can be Russian):
 * every connect-form field has a label, a help text and an example. The capability notes are held
 * to the metadata in tests/unit/i18n/provider-texts.test.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROVIDER_TYPES, providers } from '../../../server/providers/registry'

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../i18n/locales/en/provider.json'), 'utf8')).provider
type Words = { label: string, help: string, example: string }

describe('provider messages', () => {
  it.each(PROVIDER_TYPES)('%s: every field has a label, help and example', (type) => {
    const { credentials, settings } = providers[type].meta
    for (const f of [...credentials, ...settings]) {
      const words: Words | undefined = en.field[type]?.[f.key] ?? en.field.common[f.key]
      expect(words, `${type}.${f.key}`).toBeDefined()
      for (const part of ['label', 'help', 'example'] as const) expect(words![part], `${type}.${f.key}.${part}`).toMatch(/\S/)
    }
  })
})
