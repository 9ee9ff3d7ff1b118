declare module '#auth-utils' {
  /** What the browser sees from /api/_auth/session; filled from the database on each fetch. */
  interface User {
    id: string
    email: string
    name: string
    role: 'admin' | 'customer'
    totpEnabled?: boolean
    /** An admin who must set up 2FA (the admin setting) before using the panel. */
    mustEnrollTotp?: boolean
  }
  /** The sealed cookie carries only the server-side session id, under `secure` so the browser never gets it. */
  interface SecureSessionData {
    sid?: string
  }
}
export {}
