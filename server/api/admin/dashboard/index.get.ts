import { adminDashboard } from '#server/services/dashboard/admin'

/** Admins: the business at a glance (servers, provisioning, orders, expiring domains, renewals, balances, syncs, activity). */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return adminDashboard()
})
