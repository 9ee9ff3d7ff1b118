/**
 * Secrets (root passwords, provider credentials) need the password confirmed within 5 minutes.
 * `withReauth(call)` runs the call; on 403 `reauth_required` it opens the AuthReauthDialog (made
 * by the default layout the first time it is asked for), and after a successful confirmation runs the call again.
 */
let pending: { resolve: (ok: boolean) => void } | null = null

export function useReauthDialog() {
  const open = useState('reauth-open', () => false)
  function ask(): Promise<boolean> {
    pending?.resolve(false)
    open.value = true
    return new Promise(resolve => (pending = { resolve }))
  }
  function settle(ok: boolean) {
    open.value = false
    pending?.resolve(ok)
    pending = null
  }
  return { open, ask, settle }
}

export function isReauthRequired(e: unknown) {
  const { status, code } = apiError(e)
  return status === 403 && code === 'reauth_required'
}

export function useReauth() {
  const dialog = useReauthDialog()
  const { t } = useNuxtApp().$i18n
  async function withReauth<T>(call: () => Promise<T>): Promise<T> {
    try { return await call() }
    catch (e) {
      if (!isReauthRequired(e)) throw e
      if (!(await dialog.ask())) throw new Error(t('auth.reauth.cancelled'), { cause: e })
      return call()
    }
  }
  return { withReauth }
}
