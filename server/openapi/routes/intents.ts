import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { intentAttachBody, intentListQuery } from '#server/schemas/intents'
import { INTENT_STATES } from '#server/db/schema'
import { defineRoutes, isoDate, obj, uuid } from '../define'

const intentView = obj({
  id: uuid,
  kind: z.string(),
  state: z.enum(INTENT_STATES),
  summary: z.string(),
  account: z.string().nullable(),
  requested_by: z.string().nullable(),
  upstream_id: z.string().nullable(),
  marker: z.string().nullable(),
  candidates: z.array(z.string()),
  reason: z.string().nullable(),
  how: z.string().nullable(),
  error: z.string().nullable(),
  created_at: isoDate,
  updated_at: isoDate,
}).meta({ id: 'Intent' })

export default defineRoutes('Exactly-once review', 'Every money-spending call is an intent; lost answers without evidence wait here for an administrator', [
  {
    method: 'get', path: '/api/admin/intents', access: 'admin', summary: 'Intents, filtered by state or id',
    query: intentListQuery, answers: { 200: { description: 'Intents, newest first', schema: z.array(intentView) } },
  },
  { method: 'get', path: '/api/admin/intents/{id}', access: 'admin', summary: 'One intent', params: idParams, answers: { 200: { description: 'The intent', schema: intentView } } },
  {
    method: 'post', path: '/api/admin/intents/{id}/attach', access: 'admin', summary: 'Attach the upstream object a lost request made',
    params: idParams, body: intentAttachBody, answers: { 200: { description: 'The intent, reconciled', schema: intentView } },
    errors: { 409: 'The intent is not in review, or the object belongs to another intent' },
  },
  {
    method: 'post', path: '/api/admin/intents/{id}/nothing-created', access: 'admin', summary: 'Say that a lost request made nothing (its key may try again)',
    params: idParams, answers: { 200: { description: 'The intent, failed', schema: intentView } },
    errors: { 409: 'The intent is not in review' },
  },
])
