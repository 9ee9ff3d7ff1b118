/** The caller's own account: sign-in, second factor, password, sessions, API tokens, admin settings. */
import type { CreatedApiToken } from '~~/shared/schemas/tokens'
import type { Locale } from '~~/shared/schemas/users'

export interface LoginBody { email: string, password: string, code?: string }
export interface TokenBody { name: string, scope: 'read' | 'write', expires_in_days?: number }

export function useAuthApi() {
  return {
    login: (body: LoginBody) => $fetch('/api/auth/login', { method: 'POST', body }),
    logout: () => $fetch('/api/auth/logout', { method: 'POST' }),
    setup: (body: { name: string, email: string, password: string }) => $fetch('/api/setup', { method: 'POST', body }),
    reauth: (body: { password: string } | { code: string }) => $fetch('/api/auth/reauth', { method: 'POST', body }),
    changePassword: (body: { current_password: string, new_password: string }) => $fetch('/api/auth/password', { method: 'POST', body }),
    totpSetup: () => $fetch<{ secret: string, otpauth_url: string }>('/api/auth/totp/setup', { method: 'POST' }),
    totpEnable: (code: string) => $fetch<{ recovery_codes: string[] }>('/api/auth/totp/enable', { method: 'POST', body: { code } }),
    totpDisable: (body: { password: string, code: string }) => $fetch('/api/auth/totp/disable', { method: 'POST', body }),
    revokeSession: (id: string) => $fetch(`/api/sessions/${id}`, { method: 'DELETE' }),
    revokeAllSessions: () => $fetch('/api/sessions/revoke-all', { method: 'POST' }),
    createToken: (body: TokenBody) => $fetch<CreatedApiToken>('/api/tokens', { method: 'POST', body }),
    revokeToken: (id: string) => $fetch(`/api/tokens/${id}`, { method: 'DELETE' }),
    saveLocale: (locale: Locale) => $fetch('/api/auth/me', { method: 'PATCH', body: { locale } }),
    setRequireAdmin2fa: (on: boolean) => $fetch('/api/admin/settings', { method: 'PATCH', body: { require_admin_2fa: on } }),
  }
}
