import { describe, expect, it } from 'vitest'
import { belowThreshold, currencyTotals, parseThreshold, renewsInDays, renewsSoon, roundMoney, utcDay } from '../../../shared/billing/money'
import type { BalanceOut, OrderOut } from '../../../shared/billing/types'

const bal = (amount: number, currency: string, more: Partial<BalanceOut> = {}): BalanceOut =>
  ({ amount, currency, monthly_usage: null, monthly_estimate: null, today_usage: null, ...more })
const order = (amount: number | null, currency: string | null): OrderOut =>
  ({ id: '1', number: null, amount, currency, status: 'Pending', cancellable: true })

describe('renewsInDays', () => {
  const now = new Date('2025-06-10T15:30:00Z')

  it('counts calendar days in UTC, not elapsed hours', () => {
    expect(renewsInDays('2025-06-10T23:59:00Z', now)).toBe(0)
    expect(renewsInDays('2025-06-11T00:01:00Z', now)).toBe(1)
    // 6 days and a few hours later is still "in 6 days", whatever the time of day.
    expect(renewsInDays('2025-06-16T09:00:00Z', now)).toBe(6)
    expect(renewsInDays('2025-06-16', now)).toBe(6)
  })

  it('is negative when past, null when unknown or unreadable', () => {
    expect(renewsInDays('2025-06-01T00:00:00Z', now)).toBe(-9)
    expect(renewsInDays(null, now)).toBeNull()
    expect(renewsInDays(undefined, now)).toBeNull()
    expect(renewsInDays('not a date', now)).toBeNull()
  })

  it('flags renewals within 14 days (and overdue ones), not later ones', () => {
    expect(renewsSoon(0)).toBe(true)
    expect(renewsSoon(14)).toBe(true)
    expect(renewsSoon(15)).toBe(false)
    expect(renewsSoon(-3)).toBe(true)
    expect(renewsSoon(null)).toBe(false)
  })
})

describe('currencyTotals', () => {
  it('never adds amounts of different currencies', () => {
    const totals = currencyTotals([
      { balance: [bal(93.6425, 'EUR', { monthly_usage: 6.459, monthly_estimate: 37.5633, today_usage: 1.0714 })], orders: null },
      { balance: [bal(150, 'EUR')], orders: [order(20, 'EUR'), order(5.5, 'EUR')] },
      { balance: [bal(150, 'USD')], orders: [order(12, 'USD')] },
    ])
    expect(totals).toEqual([
      { currency: 'EUR', balance: 243.6425, monthly_usage: 6.459, monthly_estimate: 37.5633, today_usage: 1.0714, pending_orders: 25.5, accounts: 2 },
      { currency: 'USD', balance: 150, monthly_usage: null, monthly_estimate: null, today_usage: null, pending_orders: 12, accounts: 1 },
    ])
  })

  it('keeps unknown figures null instead of zero, and skips orders without a currency or amount', () => {
    const totals = currencyTotals([
      { balance: [bal(0.1, 'EUR'), bal(0.2, 'EUR')], orders: [order(null, 'EUR'), order(9, null)] },
      { balance: null, orders: null },
    ])
    expect(totals).toEqual([{ currency: 'EUR', balance: 0.3, monthly_usage: null, monthly_estimate: null, today_usage: null, pending_orders: null, accounts: 2 }])
  })

  it('lists a currency that only has pending orders, with no balance', () => {
    expect(currencyTotals([{ balance: null, orders: [order(3, 'GBP')] }])).toEqual([
      { currency: 'GBP', balance: null, monthly_usage: null, monthly_estimate: null, today_usage: null, pending_orders: 3, accounts: 0 },
    ])
  })

  it('is empty without accounts', () => {
    expect(currencyTotals([])).toEqual([])
  })
})

describe('thresholds', () => {
  it('reads numbers and numeric strings; anything else is no threshold', () => {
    expect(parseThreshold('1000')).toBe(1000)
    expect(parseThreshold(' 25.5 ')).toBe(25.5)
    expect(parseThreshold(7)).toBe(7)
    for (const v of [undefined, null, '', 'abc', true]) expect(parseThreshold(v)).toBeNull()
  })

  it('finds the balances strictly below it', () => {
    const balances = [bal(10, 'EUR'), bal(20, 'USD'), bal(30, 'GBP')]
    expect(belowThreshold(balances, 20).map(b => b.currency)).toEqual(['EUR'])
    expect(belowThreshold(balances, null)).toEqual([])
  })
})

describe('small helpers', () => {
  it('rounds to four decimals and keys days in UTC', () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3)
    expect(roundMoney(93.64254999)).toBe(93.6425)
    expect(utcDay(new Date('2025-06-10T23:30:00-05:00'))).toBe('2025-06-11')
  })
})
