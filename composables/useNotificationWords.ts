/** A notice's title and body in the reader's language when it has a kind; older notices keep their stored English. */
import type { NotificationView } from '~~/shared/schemas/notifications'

export function useNotificationWords() {
  const { t, te } = useI18n()
  return (n: Pick<NotificationView, 'kind' | 'params' | 'title' | 'body'>): { title: string, body: string | null } => {
    const key = `alerts.kinds.${n.kind}`
    if (!n.kind || !te(`${key}.title`)) return { title: n.title, body: n.body }
    return { title: t(`${key}.title`, n.params ?? {}), body: t(`${key}.body`, n.params ?? {}) }
  }
}
