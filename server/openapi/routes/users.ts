import { z } from 'zod'
import { idParams } from '#server/schemas/common'
import { tokenCreateBody } from '#server/schemas/tokens'
import { userCreateBody, userListQuery, userParams, userPatchBody } from '#server/schemas/users'
import { settingsSchema } from '#server/services/app-settings'
import { defineRoutes, obj, statusAnswer } from '../define'
import { apiToken, createdApiToken } from '#shared/schemas/tokens'
import { publicUser } from '#shared/schemas/users'

export default defineRoutes('Users and tokens', 'Customer and admin accounts; personal API tokens', [
  { method: 'get', path: '/api/users', access: 'admin', summary: 'List users', query: userListQuery, answers: { 200: { description: 'Users', schema: z.array(publicUser) } } },
  { method: 'post', path: '/api/users', access: 'admin', summary: 'Create a user', body: userCreateBody, answers: { 201: { description: 'Created', schema: publicUser } }, errors: { 409: 'The email is taken' } },
  {
    method: 'patch', path: '/api/users/{id}', access: 'admin', summary: 'Edit, disable or change the role of a user',
    params: userParams, body: userPatchBody, answers: { 200: { description: 'The user', schema: publicUser } },
    errors: { 409: 'The email is taken' },
  },
  {
    method: 'post', path: '/api/users/{id}/impersonate', access: 'admin', summary: 'Sign in as a customer (browser session; password confirmed within 5 minutes)',
    description: 'The browser\'s session becomes one of the customer\'s, marked with the admin: every audit entry made in it names the admin, and the customer\'s password, two-factor settings and API tokens cannot be changed in it. `POST /api/auth/impersonation/end` returns to the admin\'s own session.',
    params: userParams, answers: { 200: { description: 'Signed in as the customer', schema: obj({ user: publicUser }) } },
    errors: { 400: 'Called with an API token', 403: 'Password not confirmed recently', 409: 'Not a customer, disabled, or already signed in as someone' },
  },
  { method: 'get', path: '/api/tokens', access: 'user', summary: 'Your API tokens (never the token itself)', answers: { 200: { description: 'Tokens', schema: z.array(apiToken) } } },
  {
    method: 'post', path: '/api/tokens', access: 'user', summary: 'Create an API token',
    description: 'The token is in this answer and nowhere else, ever: store it. Send it as `Authorization: Bearer <token>`.',
    body: tokenCreateBody,
    answers: { 201: { description: 'Created', schema: createdApiToken } },
  },
  { method: 'get', path: '/api/admin/settings', access: 'admin', summary: 'Instance-wide settings', answers: { 200: { description: 'Settings', schema: settingsSchema } } },
  {
    method: 'patch', path: '/api/admin/settings', access: 'admin', summary: 'Change instance-wide settings (e.g. require 2FA for admins)',
    body: settingsSchema.partial(), answers: { 200: { description: 'Settings', schema: settingsSchema } },
  },
  { method: 'delete', path: '/api/tokens/{id}', access: 'user', summary: 'Revoke one of your API tokens', params: idParams, answers: { 200: { description: 'Revoked', schema: statusAnswer('revoked') } } },
])
