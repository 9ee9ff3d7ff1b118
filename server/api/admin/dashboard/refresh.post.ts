import { refreshUpstreamWatch } from '#server/services/dashboard/watch'
import { adminDashboard } from '#server/services/dashboard/admin'

/** Admins: read the providers' domain and renewal dates now (the hourly job's work), then the dashboard. */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  const run = await refreshUpstreamWatch()
  return { ...(await adminDashboard()), refresh_failed: run.failed.map(f => ({ slug: f.slug, kind: f.kind, error: f.error })) }
})
