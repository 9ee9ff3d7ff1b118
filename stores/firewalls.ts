/** Account-level firewalls of one provider account (admins): list, create, delete, rules, activation and sync. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { FirewallRuleView, FirewallView } from '~~/shared/schemas/console-firewall'

export type Firewall = FirewallView
export type FirewallRule = FirewallRuleView
export interface RuleInput { protocol: string, port: string, source: 'any' | 'custom', source_detail: string }

export const useFirewallsStore = defineStore('firewalls', () => {
  const items = ref<Firewall[]>([])
  const account = ref('')
  /** The list of `account` came (at least once). */
  const loaded = ref(false)
  const { busy: loading, error, run } = useAsyncAction()

  const path = (slug: string, rest = '') => `/api/hosting/providers/${encodeURIComponent(slug)}/firewalls${rest}`

  async function load(slug: string) {
    if (account.value !== slug) { items.value = []; loaded.value = false }
    account.value = slug
    await run(async () => {
      const res = await $fetch<{ items: Firewall[] }>(path(slug))
      if (account.value !== slug) return
      items.value = res.items
      loaded.value = true
    })
  }
  const reload = () => (account.value ? load(account.value) : Promise.resolve())

  const create = (name: string) => $fetch<Firewall>(path(account.value), { method: 'POST', body: { name } })
  const remove = (fw: string) => $fetch(path(account.value, `/${fw}`), { method: 'DELETE' })
  const addRule = (fw: string, rule: RuleInput) => $fetch<FirewallRule>(path(account.value, `/${fw}/rules`), { method: 'POST', body: rule })
  const updateRule = (fw: string, id: string, rule: RuleInput) => $fetch<FirewallRule>(path(account.value, `/${fw}/rules/${id}`), { method: 'PUT', body: rule })
  const removeRule = (fw: string, id: string) => $fetch(path(account.value, `/${fw}/rules/${id}`), { method: 'DELETE' })
  const onVm = (fw: string, op: 'attach' | 'detach' | 'sync', vm: string) => $fetch<{ status: string, message?: string }>(path(account.value, `/${fw}/${op}`), { method: 'POST', body: { vm } })

  return { items, account, loaded, loading, error, load, reload, create, remove, addRule, updateRule, removeRule, onVm }
})
