/** Which of a provider account's fields a configure body still leaves empty. */
import { providers, type ProviderType } from '../providers/registry'

/**
 * Every required field still empty, each with its path in the configure body and its label, so
 * the answer names all of them at once and the form can mark each one (not the first alone).
 */
export function missingFields(type: ProviderType, settings: Record<string, unknown>, creds: Record<string, string | undefined>) {
  const meta = providers[type].meta
  const empty = (v: unknown) => v === undefined || v === null || v === ''
  return [
    ...meta.credentials.filter(f => f.required && empty(creds[f.key])).map(f => ({ path: f.key, label: f.label })),
    ...meta.settings.filter(f => f.required && f.default === undefined && empty(settings[f.key])).map(f => ({ path: `extra.${f.key}`, label: f.label })),
  ]
}
