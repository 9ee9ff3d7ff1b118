import { z } from 'zod'
import { loginBody, setupBody } from '../../schemas/auth'
import { defineRoutes, obj, statusAnswer } from '../define'
import { publicUser } from '../shapes'

export default defineRoutes('Session', 'Signing in (a sealed session cookie), first-run setup and health', [
  {
    method: 'post', path: '/api/auth/login', access: 'public', summary: 'Sign in',
    description: 'Sets the session cookie. Scripts use an API token instead (`Authorization: Bearer`).',
    body: loginBody,
    answers: { 200: { description: 'Signed in', schema: obj({ user: publicUser }) } },
    errors: { 401: 'Wrong email or password (`code: invalid_credentials`)', 403: 'The account is disabled (`code: account_disabled`)' },
  },
  { method: 'post', path: '/api/auth/logout', access: 'user', summary: 'Sign out (clears the session cookie)', answers: { 200: { description: 'Signed out', schema: statusAnswer('signed_out') } } },
  { method: 'get', path: '/api/auth/me', access: 'user', summary: 'Who is calling', answers: { 200: { description: 'The caller', schema: obj({ user: publicUser }) } } },
  {
    method: 'get', path: '/api/setup/status', access: 'public', summary: 'Whether first-run setup is still needed',
    answers: { 200: { description: 'Setup state', schema: obj({ needsSetup: z.boolean() }) } },
  },
  {
    method: 'post', path: '/api/setup', access: 'public', summary: 'Create the first administrator (first run only)',
    body: setupBody,
    answers: { 201: { description: 'Created and signed in', schema: obj({ user: publicUser }) } },
    errors: { 409: 'A user exists already' },
  },
  {
    method: 'get', path: '/api/health', access: 'public', summary: 'Liveness and database check',
    answers: { 200: { description: 'Healthy', schema: obj({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
  },
])
