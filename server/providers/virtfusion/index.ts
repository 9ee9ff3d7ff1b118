// Placeholder until the virtfusion adapter lands.
import { BaseAdapter } from '../base'
import type { ProviderDefinition } from '../registry'
import type { CapabilityMap, ProviderMetadata } from '../types'
import { CAPABILITY_GROUPS } from '../types'

const capabilities = Object.fromEntries(CAPABILITY_GROUPS.map(g => [g, { supported: false }])) as CapabilityMap
const meta: ProviderMetadata = {
  type: 'virtfusion',
  displayName: 'Virtfusion',
  credentials: [{ key: 'api_key', label: 'API key', required: true }],
  settings: [{ key: 'base_url', label: 'API base URL', type: 'url' }],
  capabilities,
}

class VirtfusionAdapter extends BaseAdapter {
  async testConnection() { await this.http.get('/'); return { message: 'Virtfusion connection successful' } }
}

export const virtfusion: ProviderDefinition = {
  meta,
  httpOptions: (c, s) => ({ baseUrl: String(s.base_url ?? ''), headers: { Authorization: `Bearer ${c.apiKey}` } }),
  createAdapter: ctx => new VirtfusionAdapter(meta, ctx),
}
