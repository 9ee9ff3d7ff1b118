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
  /** Set while an admin is signed in as this customer: the banner names them and offers the way back. */
  interface UserSession {
    impersonator?: NonNullable<CurrentUser['impersonator']>
  }
}
export {}
