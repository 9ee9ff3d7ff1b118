/** Maps a provider type to its definition; the only place that knows every provider. */
import { createHttpClient, type HttpClientOptions } from './http'
import type { BaseAdapter } from './base'
import type { AccountSettings, AdapterCredentials, ProviderDefinition } from './types'
import { virtfusion } from './virtfusion'
import { virtua } from './virtua'
import { hostinger } from './hostinger'
import { inferno } from './inferno'
import { keyProviderTexts } from '#shared/providers/text-keys'

export type { AccountSettings, ProviderDefinition } from './types'

/**
 * The one line a new provider adds (beside its import): the provider types, their order in lists
 * and pickers, and `ProviderType` are all read from this object.
 */
export const providers = { virtfusion, virtua, hostinger, inferno } satisfies Record<string, ProviderDefinition>

// Each English sentence of the metadata gets its message key, so the pages can translate it.
for (const def of Object.values(providers)) keyProviderTexts(def.meta.type, def.meta.capabilities, def.meta.facts)

export type ProviderType = keyof typeof providers
/** Every provider type, in registry order (zod enums, filters, the sandbox demo). */
export const PROVIDER_TYPES = Object.keys(providers) as [ProviderType, ...ProviderType[]]

export function getDefinition(type: string): ProviderDefinition | undefined {
  return (providers as Record<string, ProviderDefinition>)[type]
}

export interface AdapterOverrides { timeoutMs?: number, sleep?: (ms: number) => Promise<void>, logger?: HttpClientOptions['logger'] }

/** An adapter for one account. Settings default from metadata. */
export function createAdapter(type: ProviderType, account: { slug: string, credentials: AdapterCredentials, settings: AccountSettings }, overrides: AdapterOverrides = {}): BaseAdapter {
  const def = providers[type]
  const settings: AccountSettings = {}
  for (const f of def.meta.settings) if (f.default !== undefined) settings[f.key] = f.default
  Object.assign(settings, Object.fromEntries(Object.entries(account.settings).filter(([, v]) => v !== undefined && v !== '')))
  const opts = def.httpOptions(account.credentials, settings)
  const http = createHttpClient({
    ...opts,
    ...overrides,
    provider: def.meta.displayName,
    secrets: [account.credentials.apiKey, account.credentials.apiSecret ?? '', ...(opts.secrets ?? [])].filter(Boolean),
  })
  return def.createAdapter({ slug: account.slug, credentials: account.credentials, settings, http })
}
