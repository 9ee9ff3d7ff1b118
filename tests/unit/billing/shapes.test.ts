import { describe, expect, it } from 'vitest'
import { balanceOut, catalogItemOut, isPendingOrder, limitOut, orderOut, subscriptionView } from '../../../server/services/billing/shapes'
import { mapBalance, mapLimits } from '../../../server/providers/virtua/mappers'

describe('billing shapes', () => {
  it('turns Virtua string numbers into numbers and leaves extra out', () => {
    const b = balanceOut(mapBalance({ balance: '93.6425', currency: 'EUR', monthly_cloud_usage: '6.4590', monthly_cloud_usage_estimate: '37.5633', today_cloud_usage: '1.0714', email: 'x@example.com' }))
    expect(b).toEqual({ amount: 93.6425, currency: 'EUR', monthly_usage: 6.459, monthly_estimate: 37.5633, today_usage: 1.0714 })
  })

  it('gives null, not 0 or undefined, for figures a provider left out', () => {
    expect(balanceOut({ amount: 150, currency: 'EUR', extra: {} })).toEqual({ amount: 150, currency: 'EUR', monthly_usage: null, monthly_estimate: null, today_usage: null })
    expect(balanceOut({ amount: 1, currency: 'EUR', monthlyUsage: Number.NaN })).toMatchObject({ monthly_usage: null })
    expect(mapLimits({ usage: { cloud_servers: '3', vcpus: '6' }, limits: { cloud_servers: '8' } }).map(limitOut)).toEqual([
      { resource: 'cloud_servers', used: 3, limit: 8, unit: null },
      { resource: 'vcpus', used: 6, limit: null, unit: 'vCPU' },
    ])
    expect(catalogItemOut({ id: 'x', name: 'X', category: 'vps', price_cents: null, currency: null, period: null, description: null, extra: { a: 1 } }))
      .toEqual({ id: 'x', name: 'X', category: 'vps', price_cents: null, currency: null, period: null, description: null })
  })

  it('adds how far a renewal is, flagging those within 14 days', () => {
    const now = new Date('2025-06-10T12:00:00Z')
    const sub = { id: 's', name: 'KVM 2', status: 'active', plan: null, price: 13.99, currency: 'USD', created_at: null, extra: { secret: 1 } }
    expect(subscriptionView({ ...sub, renews_at: '2025-06-16T12:00:00Z' }, now)).toEqual({
      id: 's', name: 'KVM 2', status: 'active', plan: null, price: 13.99, currency: 'USD', created_at: null,
      renews_at: '2025-06-16T12:00:00Z', renews_in_days: 6, renews_soon: true,
    })
    expect(subscriptionView({ ...sub, renews_at: '2025-07-10' }, now)).toMatchObject({ renews_in_days: 30, renews_soon: false })
    expect(subscriptionView({ ...sub, renews_at: null }, now)).toMatchObject({ renews_in_days: null, renews_soon: false })
  })

  it('tells pending orders from active ones', () => {
    const base = { id: '1', number: '86', amount: 20, currency: 'EUR', extra: {} }
    expect(isPendingOrder(orderOut({ ...base, status: 'Pending', cancellable: true }))).toBe(true)
    expect(isPendingOrder(orderOut({ ...base, status: 'Active', cancellable: false }))).toBe(false)
    expect(orderOut({ ...base, status: 'Active', cancellable: false })).toEqual({ id: '1', number: '86', amount: 20, currency: 'EUR', status: 'Active', cancellable: false })
  })
})
