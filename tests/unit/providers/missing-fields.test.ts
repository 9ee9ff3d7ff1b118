import { describe, expect, it } from 'vitest'
import { missingFields } from '../../../server/services/provider-fields'

describe('missingFields', () => {
  it('lists every required field left empty, with its body path and label', () => {
    expect(missingFields('inferno', {}, {})).toEqual([
      { path: 'api_key', label: 'API key' },
      { path: 'extra.cid', label: 'Client ID (cid)' },
    ])
  })

  it('counts an empty string as missing and a default as given', () => {
    // Inferno's base_url has a default; VirtFusion's has none.
    expect(missingFields('inferno', { cid: '' }, { api_key: 'k' })).toEqual([{ path: 'extra.cid', label: 'Client ID (cid)' }])
    expect(missingFields('virtfusion', {}, { api_key: 'k' })).toEqual([{ path: 'extra.base_url', label: 'API base URL' }])
  })

  it('is empty once everything required is there', () => {
    expect(missingFields('inferno', { cid: '777' }, { api_key: 'k' })).toEqual([])
    expect(missingFields('virtua', {}, { api_key: 'k' })).toEqual([])
  })
})
