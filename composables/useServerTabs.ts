/**
 * The server page's tabs: Overview always; the others only where the provider can (its
 * capability) and, for a customer, the server's plan grants it. The open tab is the URL's `?tab=`.
 */
import type { Ref } from 'vue'
import type { ServerView } from '~/stores/servers'

export const SERVER_TABS = ['overview', 'graphs', 'console', 'snapshots', 'network', 'activity', 'settings'] as const
export type ServerTab = (typeof SERVER_TABS)[number]

/** Capability group → the plan feature a customer needs for it (null: any owner). */
const FEATURE: Record<string, string | null> = {
  metrics: 'graphs', snapshots: 'snapshots', backups: 'backups_restore', ptr: 'ptr',
  recovery: 'recovery', host_settings: 'settings', activity: null, console: 'console', firewall: 'firewall',
  ip_addresses: 'ip_addresses', backup_plan: 'backup_plan',
}
/** A tab shows when any of its groups is open. */
const GROUPS: Record<Exclude<ServerTab, 'overview'>, string[]> = {
  graphs: ['metrics'], console: ['console'], snapshots: ['snapshots', 'backups', 'backup_plan'], network: ['ptr', 'firewall', 'ip_addresses'], activity: ['activity'], settings: ['host_settings', 'recovery'],
}

export function useServerTabs(server: Ref<ServerView | null>) {
  const route = useRoute()
  const router = useRouter()
  const ops = useServerOpsStore()
  /** null = everything (admins); fetched once per server. */
  const features = ref<string[] | null | undefined>(undefined)
  watch(() => server.value?.id, async (id) => {
    if (!id) return
    try { features.value = (await ops.features(id)).features }
    catch { features.value = [] }
  }, { immediate: true })

  /** The provider can, and the caller may. */
  function has(group: string): boolean {
    const s = server.value
    if (!s || s.gone || !s.capabilities[group]?.supported) return false
    const need = FEATURE[group]
    if (features.value === undefined) return false
    return !need || features.value === null || features.value.includes(need)
  }

  const tabs = computed<ServerTab[]>(() => {
    const out: ServerTab[] = ['overview']
    for (const [t, groups] of Object.entries(GROUPS)) {
      // The network tab lists addresses even without reverse DNS, once the server has any.
      const open = groups.some(has) || (t === 'network' && !!server.value && !server.value.gone && (server.value.ipv4.length + server.value.ipv6.length) > 0)
        // Our own audit log is always there, whatever the provider keeps.
        || (t === 'activity' && !!server.value)
      if (open) out.push(t as ServerTab)
    }
    return out
  })

  const tab = computed<ServerTab>({
    get: () => {
      const q = String(route.query.tab ?? 'overview') as ServerTab
      return tabs.value.includes(q) ? q : 'overview'
    },
    set: (v) => { router.replace({ query: { ...route.query, tab: v === 'overview' ? undefined : v } }) },
  })

  return { tabs, tab, has }
}
