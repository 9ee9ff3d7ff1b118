/** Customer billing arithmetic: integer minor units, one currency per sum, tax rounded half-up, reverse charge. */
import { describe, expect, it } from 'vitest'
import { addMoney, CurrencyMismatch, divideHalfUp, lineAmounts, money, parseMajor, refundableMinor, subtractMoney, sumMoney, taxDecision, taxOf } from '../../../shared/billing/money'
import { formatMinor } from '../../../shared/billing/format'

describe('money', () => {
  it('adds and subtracts within one currency, exactly', () => {
    expect(addMoney(money(10, 'eur'), money(20, 'EUR'))).toEqual({ amountMinor: 30, currency: 'EUR' })
    expect(subtractMoney(money(10, 'EUR'), money(25, 'EUR'))).toEqual({ amountMinor: -15, currency: 'EUR' })
    expect(sumMoney([money(1, 'USD'), money(2, 'USD'), money(3, 'USD')], 'USD').amountMinor).toBe(6)
    expect(sumMoney([], 'USD')).toEqual({ amountMinor: 0, currency: 'USD' })
  })

  it('never adds two currencies', () => {
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(CurrencyMismatch)
    expect(() => subtractMoney(money(1, 'EUR'), money(1, 'RUB'))).toThrow(/different currencies/)
    expect(() => sumMoney([money(1, 'EUR'), money(1, 'USD')], 'EUR')).toThrow(CurrencyMismatch)
  })

  it('refuses fractions of a minor unit', () => {
    expect(() => money(0.5, 'EUR')).toThrow(RangeError)
    expect(() => money(0.1 + 0.2, 'EUR')).toThrow(RangeError)
  })

  it('parses typed amounts into minor units, with the currency\'s decimals', () => {
    expect(parseMajor('12.34', 'EUR')).toBe(1234)
    expect(parseMajor('12,3', 'EUR')).toBe(1230)
    expect(parseMajor('0.1', 'EUR')).toBe(10)
    expect(parseMajor('12.345', 'EUR')).toBeNull()
    expect(parseMajor('1200', 'JPY')).toBe(1200)
    expect(parseMajor('12.5', 'JPY')).toBeNull()
    expect(parseMajor('abc', 'EUR')).toBeNull()
  })

  it('formats minor units as money', () => {
    expect(formatMinor(1785, 'EUR', 'en-GB')).toBe('€17.85')
    expect(formatMinor(-1785, 'EUR', 'en-GB')).toBe('-€17.85')
    expect(formatMinor(1200, 'JPY', 'en-US')).toBe('¥1,200')
  })
})

describe('tax', () => {
  it('rounds half-up on minor units, symmetrically for credit notes', () => {
    expect(divideHalfUp(5, 10)).toBe(1)
    expect(divideHalfUp(4, 10)).toBe(0)
    expect(divideHalfUp(-5, 10)).toBe(-1)
    // 19 % of 0.50 = 0.095 → 0.10; of 0.42 = 0.0798 → 0.08; of 0.26 = 0.0494 → 0.05
    expect(taxOf(50, 1900)).toBe(10)
    expect(taxOf(42, 1900)).toBe(8)
    expect(taxOf(26, 1900)).toBe(5)
    expect(taxOf(-50, 1900)).toBe(-10)
    expect(taxOf(1000, 0)).toBe(0)
    // 20 % of 12.345… never a float: 1234 * 2000 / 10000 = 246.8 → 247
    expect(taxOf(1234, 2000)).toBe(247)
  })

  it('a line is quantity × unit plus its tax', () => {
    expect(lineAmounts(3, 999, 2100)).toEqual({ net: 2997, tax: 629, total: 3626 })
  })

  it('chooses the customer country\'s rate, reverse charge for a foreign business', () => {
    const rates = { DE: 1900, FR: 2000 }
    expect(taxDecision({ country: 'FR', vatId: null }, 'DE', rates)).toEqual({ rateBp: 2000, reverseCharge: false })
    expect(taxDecision({ country: 'FR', vatId: 'FR123' }, 'DE', rates)).toEqual({ rateBp: 0, reverseCharge: true })
    // A business in the seller's own country pays local VAT.
    expect(taxDecision({ country: 'de', vatId: 'DE999' }, 'DE', rates)).toEqual({ rateBp: 1900, reverseCharge: false })
    // Unknown country: the seller's; a country with no rate set: none.
    expect(taxDecision({ country: null, vatId: null }, 'DE', rates)).toEqual({ rateBp: 1900, reverseCharge: false })
    expect(taxDecision({ country: 'US', vatId: null }, 'DE', rates)).toEqual({ rateBp: 0, reverseCharge: false })
  })

  it('refunds at most what the payment still counts for on its invoice', () => {
    // 150 paid on a 100 invoice: 50 went to credit at once, so only 100 can come back.
    expect(refundableMinor({ paymentMinor: 150, refundedMinor: 0, invoicePaidMinor: 100 })).toBe(100)
    expect(refundableMinor({ paymentMinor: 60, refundedMinor: 20, invoicePaidMinor: 100 })).toBe(40)
    // Another payment's refund lowered what the invoice counts as paid.
    expect(refundableMinor({ paymentMinor: 90, refundedMinor: 0, invoicePaidMinor: 40 })).toBe(40)
    expect(refundableMinor({ paymentMinor: 50, refundedMinor: 50, invoicePaidMinor: 100 })).toBe(0)
    expect(refundableMinor({ paymentMinor: 50, refundedMinor: 0, invoicePaidMinor: 0 })).toBe(0)
  })
})
