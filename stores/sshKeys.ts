/** The signed-in user's SSH keychain, and (admins) which keys each provider account holds. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AccountPresence, PushResult, SshKey } from '~~/shared/schemas/ssh-keys'

// The answers' types come from the schemas the API is documented with (one contract for both sides).
export type { AccountPresence, KeyPresence, PushResult, PushStatus, SshKey, UpstreamKey } from '~~/shared/schemas/ssh-keys'

export const useSshKeysStore = defineStore('sshKeys', () => {
  const keys = ref<SshKey[]>([])
  const { busy: loading, error, run: runLoad } = useAsyncAction()
  const loaded = ref(false)
  const accounts = ref<AccountPresence[]>([])
  const { busy: presenceLoading, error: presenceError, run: runPresence } = useAsyncAction()

  async function load() {
    await runLoad(async () => {
      keys.value = await $fetch<SshKey[]>('/api/ssh-keys')
      loaded.value = true
    })
  }

  async function loadPresence() {
    await runPresence(async () => {
      accounts.value = (await $fetch<{ accounts: AccountPresence[] }>('/api/ssh-keys/presence')).accounts
    })
  }

  async function add(body: { name?: string, public_key: string }) {
    const key = await $fetch<SshKey>('/api/ssh-keys', { method: 'POST', body })
    keys.value = [...keys.value, key]
    return key
  }

  async function rename(id: string, name: string) {
    const key = await $fetch<SshKey>(`/api/ssh-keys/${id}`, { method: 'PATCH', body: { name } })
    keys.value = keys.value.map(k => (k.id === id ? { ...k, name: key.name } : k))
  }

  async function remove(id: string, everywhere: boolean) {
    const res = await $fetch<{ status: string, providers: { account: string, status: string }[], removed: number }>(`/api/ssh-keys/${id}`, { method: 'DELETE', query: everywhere ? { everywhere: 1 } : undefined })
    keys.value = keys.value.filter(k => k.id !== id)
    return res
  }

  function push(id: string, slugs: string[]) {
    return $fetch<PushResult[]>(`/api/ssh-keys/${id}/push`, { method: 'POST', body: { accounts: slugs } })
  }

  function removeFrom(id: string, account: string) {
    return $fetch<{ status: 'removed' | 'not_present' }>(`/api/ssh-keys/${id}/providers/${account}`, { method: 'DELETE' })
  }

  function deleteUpstream(account: string, upstreamId: string) {
    return $fetch(`/api/hosting/providers/${account}/ssh-keys/${encodeURIComponent(upstreamId)}`, { method: 'DELETE' })
  }

  return { keys, loading, loaded, error, accounts, presenceLoading, presenceError, load, loadPresence, add, rename, remove, push, removeFrom, deleteUpstream }
})
