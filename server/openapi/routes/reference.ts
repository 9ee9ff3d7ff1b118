import { z } from 'zod'
import { defineRoutes } from '../define'

export default defineRoutes('Reference', 'This document and its rendered reference', [
  {
    method: 'get', path: '/api/openapi.json', access: 'public', summary: 'This OpenAPI 3.1 document',
    answers: { 200: { description: 'The document', schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) } },
  },
  {
    method: 'get', path: '/api/docs', access: 'public', summary: 'The API reference (HTML, rendered from this document)',
    answers: { 200: { description: 'An HTML page', schema: z.string(), contentType: 'text/html' } },
  },
])
