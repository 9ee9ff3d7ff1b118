/** Lasting notices from the server (failed tests, finished provisioning, expiring domains). */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { NotificationList, NotificationView } from '~~/shared/schemas/notifications'

export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<NotificationView[]>([])
  const unread = ref(0)
  const loading = ref(false)
  const loaded = ref(false)

  async function refresh() {
    loading.value = true
    try {
      const res = await $fetch<NotificationList>('/api/notifications')
      items.value = res.items
      unread.value = res.unread
      loaded.value = true
    }
    catch { /* signed out or offline: keep what we had */ }
    finally { loading.value = false }
  }

  async function markRead(id: string) {
    await $fetch(`/api/notifications/${id}/read`, { method: 'POST' })
    await refresh()
  }

  async function markAllRead() {
    await $fetch('/api/notifications/read-all', { method: 'POST' })
    await refresh()
  }

  const hasUnread = computed(() => unread.value > 0)
  return { items, unread, loading, loaded, hasUnread, refresh, markRead, markAllRead }
})
