import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { creditNoteBody, invoiceListQuery, pdfQuery } from '#server/services/invoicing/invoices'
import { creditQuery, paymentBodySchema, refundBodySchema, topUpBodySchema } from '#server/services/invoicing/payments'
import { adminBillingProfileSchema, billingProfileSchema, billingSettingsSchema } from '#server/services/invoicing/settings'
import { billingProfile, billingSettings, creditView, invoice, invoiceList, payment } from '#shared/schemas/invoices'
import { defineRoutes } from '../define'

export default defineRoutes('Invoices', 'Customer billing: invoices (numbered per year, immutable once issued, corrected by credit notes), payments, refunds and credit. Amounts are integer minor units (cents) of the invoice\'s currency', [
  { method: 'get', path: '/api/invoices', access: 'user', summary: 'Customers: their invoices. Admins: all, with filters and revenue per month', query: invoiceListQuery, answers: { 200: { description: 'Invoices, newest first', schema: invoiceList } } },
  { method: 'get', path: '/api/invoices/{id}', access: 'user', summary: 'One invoice with its lines and payments', params: idParams, answers: { 200: { description: 'The invoice', schema: invoice } } },
  { method: 'get', path: '/api/invoices/{id}/pdf', access: 'user', summary: 'The invoice as a PDF, in the reader\'s language', params: idParams, query: pdfQuery, answers: { 200: { description: 'PDF', contentType: 'application/pdf' } } },
  {
    method: 'post', path: '/api/invoices/{id}/payments', access: 'admin', summary: 'Record a payment (bank transfer, or from the customer\'s credit), exactly once',
    description: 'With an `Idempotency-Key`, the same key again answers the same payment (200) and records nothing; with another body, 422. The invoice is paid once payments reach its total; an order waiting for it starts provisioning.',
    params: idParams, body: paymentBodySchema, idempotencyKey: 'optional',
    answers: { 201: { description: 'Recorded', schema: z.object({ payment, invoice }) }, 200: { description: 'The same key again: the same payment', schema: z.object({ payment, invoice }) } },
    errors: { 409: 'The invoice takes no payment (paid, void, draft), or the credit is not enough', 422: 'The key was used with another body' },
  },
  { method: 'post', path: '/api/invoices/{id}/void', access: 'admin', summary: 'Void an open invoice nothing was paid on', params: idParams, answers: { 200: { description: 'Voided', schema: invoice } }, errors: { 409: 'Not open, or partly paid' } },
  { method: 'post', path: '/api/invoices/{id}/credit-note', access: 'admin', summary: 'Issue a credit note for a paid invoice (the amount goes to the customer\'s credit)', params: idParams, body: creditNoteBody, answers: { 201: { description: 'The credit note', schema: invoice } }, errors: { 409: 'Not a paid invoice, or it has a credit note already' } },
  { method: 'post', path: '/api/payments/{id}/refund', access: 'admin', summary: 'Refund a payment, to credit or paid back outside', params: idParams, body: refundBodySchema, idempotencyKey: 'optional', answers: { 201: { description: 'The refund (a negative payment)', schema: payment }, 200: { description: 'The same key again', schema: payment } }, errors: { 409: 'More than is left of the payment' } },
  { method: 'get', path: '/api/credit', access: 'user', summary: 'Credit balances, ledger and payment history (your own; admins: `?user=`)', query: creditQuery, answers: { 200: { description: 'Credit', schema: creditView } } },
  { method: 'post', path: '/api/users/{id}/credit', access: 'admin', summary: 'Top up (or adjust) a customer\'s credit; open invoices it covers are paid', params: idParams, body: topUpBodySchema, idempotencyKey: 'optional', answers: { 200: { description: 'Their credit', schema: creditView } } },
  { method: 'get', path: '/api/users/{id}/billing', access: 'admin', summary: 'A customer\'s billing profile and credit terms', params: idParams, answers: { 200: { description: 'The profile', schema: billingProfile } } },
  { method: 'patch', path: '/api/users/{id}/billing', access: 'admin', summary: 'A customer\'s billing profile and credit terms', params: idParams, body: adminBillingProfileSchema, answers: { 200: { description: 'The profile', schema: billingProfile } } },
  { method: 'get', path: '/api/account/billing', access: 'user', summary: 'Your billing profile', answers: { 200: { description: 'The profile', schema: billingProfile } } },
  { method: 'put', path: '/api/account/billing', access: 'user', summary: 'Change your billing profile (country, VAT id, company)', body: billingProfileSchema, answers: { 200: { description: 'The profile', schema: billingProfile } } },
  { method: 'get', path: '/api/admin/billing-settings', access: 'admin', summary: 'The seller on invoices, the payment term and the tax rates', answers: { 200: { description: 'Settings', schema: billingSettings } } },
  { method: 'put', path: '/api/admin/billing-settings', access: 'admin', summary: 'Change the seller, payment term or tax rates (the list replaces the old one)', body: billingSettingsSchema, answers: { 200: { description: 'Settings', schema: billingSettings } } },
])
