/**
 * Stable message keys for the sentences a provider's metadata writes in English (capability
 * notes, the password rule, the root-password note, the purchase hint). The API sends each
 * sentence with its key (`note` + `note_key`, `hint` + `hint_key`, …); the pages show the key's
 * translation (i18n/locales/<lang>/providerFacts.json) and fall back to the English sentence when
 * the messages lack it (a capability added before its translation). A unit test lists every
 * sentence whose key is missing in a language.
 */
import type { ProviderFacts } from './facts'

export const PROVIDER_TEXT_AREA = 'providerFacts'

/** `providerFacts.<type>.<path>`, e.g. `providerFacts.inferno.capabilities.power`. */
export function providerTextKey(type: string, ...path: string[]): string {
  return [PROVIDER_TEXT_AREA, type, ...path].join('.')
}

interface KeyedCapability { supported: boolean, note?: string, note_key?: string }

/** Adds the keys to a provider's capability notes and fact sentences (in place; idempotent). */
export function keyProviderTexts(type: string, capabilities: Record<string, KeyedCapability | undefined>, facts: ProviderFacts): void {
  for (const [group, cap] of Object.entries(capabilities)) {
    if (cap?.note) cap.note_key = providerTextKey(type, 'capabilities', group)
  }
  if (facts.create.needs_credential) facts.create.needs_credential_key = providerTextKey(type, 'create', 'needs_credential')
  if (facts.password_rule) {
    facts.password_rule.hint_key = providerTextKey(type, 'password_rule', 'hint')
    facts.password_rule.message_key = providerTextKey(type, 'password_rule', 'message')
  }
  if (facts.root_password.note) facts.root_password.note_key = providerTextKey(type, 'root_password', 'note')
}

/** Every keyed sentence of a provider: key → the English text (what the tests hold the messages to). */
export function providerTexts(type: string, capabilities: Record<string, KeyedCapability | undefined>, facts: ProviderFacts): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [group, cap] of Object.entries(capabilities)) if (cap?.note) out[providerTextKey(type, 'capabilities', group)] = cap.note
  if (facts.create.needs_credential) out[providerTextKey(type, 'create', 'needs_credential')] = facts.create.needs_credential
  if (facts.password_rule) {
    out[providerTextKey(type, 'password_rule', 'hint')] = facts.password_rule.hint
    out[providerTextKey(type, 'password_rule', 'message')] = facts.password_rule.message
  }
  if (facts.root_password.note) out[providerTextKey(type, 'root_password', 'note')] = facts.root_password.note
  return out
}
