import { describe, expect, it } from 'vitest'
import { renewalDueAt } from '../../../server/services/payments/renewal-dates'

const DAY = 86_400_000
const end = new Date('2026-12-31T10:00:00Z')

describe('a renewal invoice\'s due date', () => {
  it('issued on time (N days ahead): due when the paid period ends', () => {
    expect(renewalDueAt(end, new Date(end.getTime() - 7 * DAY), 7)).toEqual(end)
    expect(renewalDueAt(end, new Date(end.getTime() - 1), 7)).toEqual(end)
    expect(renewalDueAt(end, end, 7)).toEqual(end)
  })

  it('issued late (the run missed the period end): never due already, but the usual notice after issuing', () => {
    const late = new Date(end.getTime() + 5 * DAY)
    expect(renewalDueAt(end, late, 7)).toEqual(new Date(late.getTime() + 7 * DAY))
    expect(renewalDueAt(end, late, 7).getTime()).toBeGreaterThan(late.getTime())
  })
})
