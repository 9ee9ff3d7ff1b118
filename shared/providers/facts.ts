/**
 * The parts of a provider's facts by name, typed from their schemas in shared/schemas/providers.ts
 * (which say what each field means): one snake_case object, the same in a provider's metadata, in
 * the services, in the shared server rules and in the browser (GET /api/hosting/provider-facts).
 * Nothing outside a provider's folder names a provider: it reads these facts.
 */
import type { fieldSupport, passwordRule, planMappingFacts, planMappingField, providerFacts, providerLook, CHARACTER_CLASSES } from '../schemas/providers'
import type { View } from '../schemas/define'

export type { ProviderFactsEntry } from '../schemas/providers'

export type CharacterClass = (typeof CHARACTER_CLASSES)[number]
export type PasswordRule = View<typeof passwordRule>
export type FieldSupport = View<typeof fieldSupport>
export type ProviderLook = View<typeof providerLook>
export type PlanMappingField = View<typeof planMappingField>
export type PlanMappingFacts = View<typeof planMappingFacts>
export type ProviderFacts = View<typeof providerFacts>

export const DEFAULT_DESTROY = {
  label: 'Delete',
  question: 'Delete {name}?',
  text: 'The server and its disks are destroyed at the provider. This cannot be undone.',
} as const
export const DEFAULT_NO_ADDRESSES = 'None assigned yet'
/** What the create wizard calls the place where the provider has no word of its own. */
export const DEFAULT_REGION_LABEL = 'Region'
