import { voidInvoice } from '#server/services/invoicing/invoices'
import { idParams } from '#server/schemas/common'
import { audit } from '#server/services/audit'

/** Admins: voids an open invoice nothing was paid on (an order waiting for it is cancelled). */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const inv = await voidInvoice(id)
  await audit({ userId: admin.id, action: 'invoice.voided', target: inv.number ?? id })
  return inv
})
