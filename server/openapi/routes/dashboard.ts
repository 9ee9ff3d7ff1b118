import { z } from 'zod'
import { defineRoutes, obj } from '../define'
import { adminDashboard } from '#shared/schemas/dashboard'

const refreshed = adminDashboard.extend({
  refresh_failed: z.array(obj({ slug: z.string(), kind: z.enum(['domain_expiry', 'renewal']), error: z.string() }))
    .meta({ description: 'Accounts whose dates could not be read now (their last known dates stay)' }),
})

export default defineRoutes('Dashboard', 'The business at a glance, for administrators', [
  {
    method: 'get', path: '/api/admin/dashboard', access: 'admin', summary: 'Servers, provisioning, orders, expiring domains, renewals, low balances, failing syncs and recent activity',
    answers: { 200: { description: 'Every tile, from counters and indexed reads (no provider is called)', schema: adminDashboard } },
  },
  {
    method: 'post', path: '/api/admin/dashboard/refresh', access: 'admin', summary: 'Read domain expiry and renewal dates from every provider now, then answer the dashboard',
    answers: { 200: { description: 'The dashboard after the read', schema: refreshed } },
  },
])
