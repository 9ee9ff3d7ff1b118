import { z } from 'zod'
import { brandBody, logoBody } from '#server/services/brand'
import { defineRoutes } from '../define'
import { brand } from '#shared/schemas/brand'

export default defineRoutes('Brand', 'White label: the product name, logo, colours and support contacts customers see', [
  { method: 'get', path: '/api/brand', access: 'public', summary: 'The brand (the portal renders with it, also before sign-in)', answers: { 200: { description: 'The brand', schema: brand } } },
  {
    method: 'get', path: '/api/brand/logo', access: 'public', summary: 'The logo image',
    description: 'Cached: with `v` (the image\'s hash, as in `logo_url`) for a year, without it revalidated by ETag.',
    query: z.object({ v: z.string().max(64).optional() }),
    answers: { 200: { description: 'The image', contentType: 'image/*' }, 304: { description: 'Not modified (If-None-Match)' } }, errors: { 404: 'No logo uploaded' },
  },
  {
    method: 'put', path: '/api/admin/brand', access: 'admin', summary: 'Set the brand (audited)',
    description: 'A colour white text does not read on (below 4.5:1) is refused with `brand_contrast`; the dark theme\'s shade is worked out from it.',
    body: brandBody, answers: { 200: { description: 'The brand', schema: brand } },
  },
  {
    method: 'put', path: '/api/admin/brand/logo', access: 'admin', summary: 'Upload the logo (PNG, JPEG or WebP, base64, at most 200 KB)',
    body: logoBody, answers: { 200: { description: 'The brand', schema: brand } },
    errors: { 413: 'Larger than 200 KB (`logo_too_large`)', 415: 'Not the image type it claims (`logo_wrong_type`)' },
  },
  { method: 'delete', path: '/api/admin/brand/logo', access: 'admin', summary: 'Remove the logo', answers: { 200: { description: 'The brand', schema: brand } } },
])
