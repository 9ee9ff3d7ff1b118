import { z } from 'zod'
import { billingHistoryQuery } from '#server/schemas/billing'
import { defineRoutes, isoDate, obj } from '../define'

export default defineRoutes('Billing', 'Balances, usage, subscriptions and pending orders across accounts; the daily history', [
  {
    method: 'get', path: '/api/billing/overview', access: 'admin', summary: 'Every account\'s billing at a glance, with totals per currency',
    answers: { 200: { description: 'Overview', schema: obj({ generated_at: isoDate, renewal_window_days: z.number(), accounts: z.array(obj({})), totals: z.array(obj({})) }) } },
  },
  { method: 'get', path: '/api/billing/history', access: 'admin', summary: 'Daily samples of balance and usage (last `days`)', query: billingHistoryQuery, answers: { 200: { description: 'Series per account and currency', schema: obj({}) } } },
  { method: 'post', path: '/api/billing/sample', access: 'admin', summary: 'Record today\'s sample now (the daily job)', answers: { 200: { description: 'What was recorded', schema: obj({}) } } },
])
