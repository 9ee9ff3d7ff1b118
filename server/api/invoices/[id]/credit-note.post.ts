import { creditNoteBody, issueCreditNote } from '#server/services/invoicing/invoices'
import { idParams } from '#server/schemas/common'
import { audit } from '#server/services/audit'

/** Admins: a credit note for a paid invoice; what was paid goes to the customer's credit. */
export default defineEventHandler(async (event) => {
  const admin = await requireAdmin(event)
  const { id } = validParams(event, idParams)
  const body = await validBody(event, creditNoteBody)
  const note = await issueCreditNote(id, body, admin)
  await audit({ userId: admin.id, action: 'invoice.credit_note', target: note.number ?? note.id, details: { invoice: id, reason: body.reason ?? null } })
  setResponseStatus(event, 201)
  return note
})
