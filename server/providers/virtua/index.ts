// Placeholder until the virtua adapter lands.
import { BaseAdapter } from '../base'
import type { ProviderDefinition } from '../registry'
import type { CapabilityMap, ProviderMetadata } from '../types'
import { CAPABILITY_GROUPS } from '../types'

const capabilities = Object.fromEntries(CAPABILITY_GROUPS.map(g => [g, { supported: false }])) as CapabilityMap
const meta: ProviderMetadata = {
  type: 'virtua',
  displayName: 'Virtua',
  credentials: [{ key: 'api_key', label: 'API key', required: true }],
  settings: [{ key: 'base_url', label: 'API base URL', type: 'url' }],
  capabilities,
}

class VirtuaAdapter extends BaseAdapter {
  async testConnection() { await this.http.get('/'); return { message: 'Virtua connection successful' } }
}

export const virtua: ProviderDefinition = {
  meta,
  httpOptions: (c, s) => ({ baseUrl: String(s.base_url ?? ''), headers: { Authorization: `Bearer ${c.apiKey}` } }),
  createAdapter: ctx => new VirtuaAdapter(meta, ctx),
}
