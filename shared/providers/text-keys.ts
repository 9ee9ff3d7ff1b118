/**
 * Stable message keys for the sentences a provider's metadata writes in English (capability
 * notes, the password rule, the root-password note, the purchase hint, its deletion wording, its
 * region word, its plan-mapping fields). The API sends each
 * sentence with its key (`note` + `note_key`, `hint` + `hint_key`, …); the pages show the key's
 * translation (i18n/locales/<lang>/providerFacts.json) and fall back to the English sentence when
 * the messages lack it (a capability added before its translation). A unit test lists every
 * sentence whose key is missing in a language.
 */
import { DEFAULT_DESTROY, DEFAULT_NO_ADDRESSES, DEFAULT_REGION_LABEL, type ProviderFacts } from './facts'

export const PROVIDER_TEXT_AREA = 'providerFacts'

/** `providerFacts.<type>.<path>`, e.g. `providerFacts.inferno.capabilities.power`. */
export function providerTextKey(type: string, ...path: string[]): string {
  return [PROVIDER_TEXT_AREA, type, ...path].join('.')
}

interface KeyedCapability { supported: boolean, note?: string, note_key?: string }

/** One keyed sentence: where it sits (`on[prop]`), where its key goes (`on[keyProp]`), its key and its English. */
interface Slot { on: Record<string, unknown>, keyProp: string, key: string, text: string }

/**
 * Every sentence a provider's metadata writes for people, with its key: capability notes, the
 * password rule, the root-password note, the purchase hint, its own deletion wording, what an empty
 * address list means, its word for the region, and the plan-mapping fields' labels and choices.
 * The usual deletion, "Region" and "None assigned yet" are the pages' own words and carry no key.
 */
function slots(type: string, capabilities: Record<string, KeyedCapability | undefined>, facts: ProviderFacts): Slot[] {
  const out: Slot[] = []
  const add = (on: object, prop: string, keyProp: string, ...path: string[]) => {
    const text = (on as Record<string, unknown>)[prop]
    if (typeof text === 'string' && text) out.push({ on: on as Record<string, unknown>, keyProp, key: providerTextKey(type, ...path), text })
  }
  for (const [group, cap] of Object.entries(capabilities)) if (cap) add(cap, 'note', 'note_key', 'capabilities', group)
  add(facts.create, 'needs_credential', 'needs_credential_key', 'create', 'needs_credential')
  if (facts.password_rule) {
    add(facts.password_rule, 'hint', 'hint_key', 'password_rule', 'hint')
    add(facts.password_rule, 'message', 'message_key', 'password_rule', 'message')
  }
  add(facts.root_password, 'note', 'note_key', 'root_password', 'note')
  const d = facts.destroy
  if (d.label !== DEFAULT_DESTROY.label || d.question !== DEFAULT_DESTROY.question || d.text !== DEFAULT_DESTROY.text) {
    for (const part of ['label', 'question', 'text'] as const) add(d, part, `${part}_key`, 'destroy', part)
  }
  if (facts.no_addresses !== DEFAULT_NO_ADDRESSES) add(facts, 'no_addresses', 'no_addresses_key', 'no_addresses')
  if (facts.region.label !== DEFAULT_REGION_LABEL) add(facts.region, 'label', 'label_key', 'region', 'label')
  add(facts.region, 'hint', 'hint_key', 'region', 'hint')
  for (const f of facts.plan_mapping.fields) {
    add(f, 'label', 'label_key', 'plan_mapping', f.key, 'label')
    add(f, 'help', 'help_key', 'plan_mapping', f.key, 'help')
    for (const c of f.choices ?? []) add(c, 'label', 'label_key', 'plan_mapping', f.key, 'choices', c.value)
  }
  return out
}

/** Adds the keys to a provider's sentences (in place; idempotent). */
export function keyProviderTexts(type: string, capabilities: Record<string, KeyedCapability | undefined>, facts: ProviderFacts): void {
  for (const s of slots(type, capabilities, facts)) s.on[s.keyProp] = s.key
}

/** Every keyed sentence of a provider: key → the English text (what the tests hold the messages to). */
export function providerTexts(type: string, capabilities: Record<string, KeyedCapability | undefined>, facts: ProviderFacts): Record<string, string> {
  return Object.fromEntries(slots(type, capabilities, facts).map(s => [s.key, s.text]))
}
