import { z } from 'zod'
import { loginBody, passwordChangeBody, updateMeBody, reauthBody, setupBody, totpDisableBody, totpEnableBody } from '#server/schemas/auth'
import { idParams } from '#server/schemas/common'
import { browserSession } from '#shared/schemas/sessions'
import { LOCALES, currentUser, publicUser, setupStatus } from '#shared/schemas/users'
import { defineRoutes, obj, statusAnswer } from '../define'

export default defineRoutes('Session', 'Signing in (a sealed session cookie), first-run setup and health', [
  {
    method: 'post', path: '/api/auth/login', access: 'public', summary: 'Sign in',
    description: 'Sets the session cookie. Scripts use an API token instead (`Authorization: Bearer`).',
    body: loginBody,
    answers: { 200: { description: 'Signed in', schema: obj({ user: publicUser }) } },
    errors: { 401: 'Wrong email or password (`code: invalid_credentials`), or 2FA is on and `code` is missing (`totp_required`) or wrong (`invalid_totp_code`)', 403: 'The account is disabled (`code: account_disabled`)', 429: 'Too many failed attempts for this account or address (`Retry-After`)' },
  },
  { method: 'post', path: '/api/auth/logout', access: 'user', summary: 'Sign out (clears the session cookie)', answers: { 200: { description: 'Signed out', schema: statusAnswer('signed_out') } } },
  {
    method: 'post', path: '/api/auth/impersonation/end', access: 'user', summary: 'End "sign in as": back to the admin\'s own session',
    answers: { 200: { description: 'Ended; `restored` is false when the admin\'s session had ended meanwhile (sign in again)', schema: obj({ restored: z.boolean() }) } },
    errors: { 409: 'This session is not a "sign in as" session' },
  },
  { method: 'get', path: '/api/auth/me', access: 'user', summary: 'Who is calling', answers: { 200: { description: 'The caller, with their second-factor state', schema: obj({ user: currentUser }) } } },
  {
    method: 'patch', path: '/api/auth/me', access: 'user', summary: 'Save the caller\'s preferences (the panel language, also used for API error sentences)',
    body: updateMeBody,
    answers: { 200: { description: 'Saved', schema: obj({ status: z.literal('updated'), locale: z.enum(LOCALES) }) } },
  },
  {
    method: 'get', path: '/api/setup/status', access: 'public', summary: 'Whether first-run setup is still needed',
    answers: { 200: { description: 'Setup state', schema: setupStatus } },
  },
  {
    method: 'post', path: '/api/setup', access: 'public', summary: 'Create the first administrator (first run only)',
    body: setupBody,
    answers: { 201: { description: 'Created and signed in', schema: obj({ user: publicUser }) } },
    errors: { 409: 'A user exists already' },
  },
  {
    method: 'get', path: '/api/health', access: 'public', summary: 'Liveness and database check',
    description: 'Anyone gets `{ ok }`; administrators also see which database runs the panel.',
    answers: { 200: { description: 'Healthy', schema: obj({ ok: z.boolean(), status: z.literal('ok').optional(), database: z.enum(['pglite', 'postgres']).optional() }) } },
    errors: { 503: 'The database does not answer (`{ ok: false }`)' },
  },
  {
    method: 'post', path: '/api/auth/password', access: 'user', summary: 'Change your own password (browser session)',
    description: 'Your other sessions and all your API tokens end.',
    body: passwordChangeBody, answers: { 200: { description: 'Changed', schema: statusAnswer('changed') } },
  },
  {
    method: 'post', path: '/api/auth/reauth', access: 'user', summary: 'Confirm your password (or a 2FA code) to see or change secrets for a few minutes',
    body: reauthBody, answers: { 200: { description: 'Confirmed', schema: statusAnswer('confirmed') } },
    errors: { 429: 'Too many failed attempts (`Retry-After`)' },
  },
  {
    method: 'post', path: '/api/auth/totp/setup', access: 'user', summary: 'Start two-factor set-up: a new TOTP secret to scan',
    answers: { 200: { description: 'The secret, shown once', schema: obj({ secret: z.string(), otpauth_url: z.string() }) } },
  },
  {
    method: 'post', path: '/api/auth/totp/enable', access: 'user', summary: 'Turn two-factor sign-in on with a code from the app',
    body: totpEnableBody, answers: { 200: { description: 'Recovery codes, shown once', schema: obj({ recovery_codes: z.array(z.string()) }) } },
  },
  {
    method: 'post', path: '/api/auth/totp/disable', access: 'user', summary: 'Turn two-factor sign-in off (password and a code)',
    body: totpDisableBody, answers: { 200: { description: 'Off', schema: statusAnswer('disabled') } },
    errors: { 409: 'Two-factor sign-in is not on' },
  },
  {
    method: 'get', path: '/api/sessions', access: 'user', summary: 'Your signed-in browser sessions',
    answers: { 200: { description: 'Sessions, newest use first', schema: z.array(browserSession) } },
  },
  {
    method: 'delete', path: '/api/sessions/{id}', access: 'user', summary: 'Sign one of your sessions out',
    params: idParams, answers: { 200: { description: 'Revoked', schema: statusAnswer('revoked') } },
  },
  {
    method: 'post', path: '/api/sessions/revoke-all', access: 'user', summary: 'Sign out everywhere',
    answers: { 200: { description: 'Revoked', schema: obj({ status: z.literal('revoked'), count: z.number().int() }) } },
  },
])
