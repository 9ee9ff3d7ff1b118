/** The user accounts API (admins): who may sign in, and the customers servers and zones are given to. */
import type { PublicUser } from '~~/shared/schemas/users'

export interface UserInput { name: string, email: string, role: PublicUser['role'], password?: string }

export function useUsersApi() {
  return {
    customers: () => $fetch<PublicUser[]>('/api/users', { query: { role: 'customer' } }),
    create: (body: UserInput) => $fetch<PublicUser>('/api/users', { method: 'POST', body }),
    update: (id: string, body: Partial<UserInput> & { disabled?: boolean }) => $fetch<PublicUser>(`/api/users/${id}`, { method: 'PATCH', body }),
  }
}
