import type { CurrentUser } from '../schemas/users'

declare module '#auth-utils' {
  /**
   * What the browser sees from /api/_auth/session, filled from the database on each fetch: the
   * keys of GET /api/auth/me's user (snake_case, as the seed's API).
   */
  interface User extends Pick<CurrentUser, 'id' | 'email' | 'name' | 'role'>, Partial<Pick<CurrentUser, 'totp_enabled' | 'must_enroll_totp'>> {}
  /** The sealed cookie carries only the server-side session id, under `secure` so the browser never gets it. */
  interface SecureSessionData {
    sid?: string
  }
}
export {}
