import { recordBillingSamples } from '#server/services/billing/samples'

/** The daily `billing.sample` job, run now (the page's "Record today's sample", and tests). */
export default defineEventHandler(async (event) => {
  await requireAdmin(event)
  return recordBillingSamples()
})
