import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { planCatalogQuery } from '#server/schemas/plans'
import { listQuerySchema, orderBodySchema } from '#server/services/portal/orders'
import { planBodySchema, planPatchSchema } from '#server/services/portal/plans'
import { defineRoutes } from '../define'
import { adminPlan, customerPlan, order, planCatalog, planTemplate } from '#shared/schemas/orders'

/** Admins get the admin view of a plan, customers the lean one. */
const plan = z.union([adminPlan, customerPlan])

export default defineRoutes('Portal', 'Plans (mapped by admins to upstream products) and customer orders, provisioned by a background job in named steps', [
  { method: 'get', path: '/api/plans', access: 'user', summary: 'Admins: every plan with its mapping. Customers: the active ones, nothing upstream', answers: { 200: { description: 'Plans', schema: z.array(plan) } } },
  { method: 'post', path: '/api/plans', access: 'admin', summary: 'Create a plan', body: planBodySchema, answers: { 201: { description: 'Created', schema: adminPlan } } },
  { method: 'get', path: '/api/plans/catalog', access: 'admin', summary: 'An account\'s plans, data centers and templates (for the plan form)', query: planCatalogQuery, answers: { 200: { description: 'Catalog', schema: planCatalog } } },
  { method: 'get', path: '/api/plans/{id}', access: 'user', summary: 'One plan', params: idParams, answers: { 200: { description: 'The plan', schema: plan } } },
  { method: 'patch', path: '/api/plans/{id}', access: 'admin', summary: 'Edit, retire (`retired: true`) or bring back a plan', params: idParams, body: planPatchSchema, answers: { 200: { description: 'The plan', schema: adminPlan } } },
  { method: 'get', path: '/api/plans/{id}/templates', access: 'user', summary: 'OS templates a customer may choose for this plan', params: idParams, answers: { 200: { description: 'Templates', schema: z.array(planTemplate) } } },
  { method: 'get', path: '/api/orders', access: 'user', summary: 'Customers: their orders. Admins: everyone\'s', query: listQuerySchema, answers: { 200: { description: 'Orders, newest first', schema: z.array(order) } } },
  {
    method: 'post', path: '/api/orders', access: 'user', summary: 'Order a server (exactly once)',
    description: 'Send an `Idempotency-Key` header (8–200 visible characters; a UUID is best); without one, an identical order from the same user within 60 s gets the first answer. 202: provisioning runs in the background; poll GET /api/orders/{id}. The same key again answers the same order (200); with another body, 422.',
    body: orderBodySchema, idempotencyKey: 'optional',
    answers: { 202: { description: 'Placed', schema: order }, 200: { description: 'The same key again: the same order', schema: order } },
    errors: { 422: 'The key was used with another body' },
  },
  { method: 'get', path: '/api/orders/{id}', access: 'user', summary: 'One order with its steps', params: idParams, answers: { 200: { description: 'The order', schema: order } } },
  { method: 'post', path: '/api/orders/{id}/cancel', access: 'user', summary: 'Cancel an order that has not started', params: idParams, answers: { 200: { description: 'Cancelled', schema: order } }, errors: { 409: 'Too late to cancel' } },
  { method: 'post', path: '/api/orders/{id}/retry', access: 'admin', summary: 'Retry a failed order from where it stopped', params: idParams, answers: { 202: { description: 'Retrying', schema: order } }, errors: { 409: 'Only failed orders are retried' } },
])
