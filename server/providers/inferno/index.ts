// Placeholder until the inferno adapter lands.
import { BaseAdapter } from '../base'
import type { ProviderDefinition } from '../registry'
import type { CapabilityMap, ProviderMetadata } from '../types'
import { CAPABILITY_GROUPS } from '../types'

const capabilities = Object.fromEntries(CAPABILITY_GROUPS.map(g => [g, { supported: false }])) as CapabilityMap
const meta: ProviderMetadata = {
  type: 'inferno',
  displayName: 'Inferno',
  credentials: [{ key: 'api_key', label: 'API key', required: true }],
  settings: [{ key: 'base_url', label: 'API base URL', type: 'url' }],
  capabilities,
}

class InfernoAdapter extends BaseAdapter {
  async testConnection() { await this.http.get('/'); return { message: 'Inferno connection successful' } }
}

export const inferno: ProviderDefinition = {
  meta,
  httpOptions: (c, s) => ({ baseUrl: String(s.base_url ?? ''), headers: { Authorization: `Bearer ${c.apiKey}` } }),
  createAdapter: ctx => new InfernoAdapter(meta, ctx),
}
