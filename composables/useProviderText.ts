/**
 * A provider's English sentence (a capability note, a password hint…) in the reader's language:
 * the API sends each with its message key (shared/providers/text-keys.ts); a key the messages do
 * not have yet (a capability newer than its translation) shows the English sentence.
 */
export function useProviderText() {
  const { t, te } = useI18n()
  function providerText(text: string | null | undefined, key: string | null | undefined, params?: Record<string, string | number>): string | undefined {
    if (key && te(key)) return params ? t(key, params) : t(key)
    if (text == null) return undefined
    // The English sentence with its `{param}`s filled in the same way.
    return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text
  }
  /** A capability's note, translated. */
  const capabilityNote = (cap: { note?: string, note_key?: string } | null | undefined) => providerText(cap?.note, cap?.note_key)
  /** A connection test's outcome (`provider.test.<code>` with its specifics), else its English message. */
  function connectionText(r: { message?: string | null, code?: string | null, params?: Record<string, string | number> } | null | undefined): string | undefined {
    if (!r) return undefined
    const key = r.code ? `provider.test.${r.code}` : ''
    if (key && te(key)) return t(key, { provider: '', ...r.params }, typeof r.params?.count === 'number' ? r.params.count : 1)
    return r.message ?? undefined
  }
  /** What an adapter said about a change (`actionResult.<code>` with its specifics), else its English message. */
  function resultText(r: { message?: string | null, code?: string | null, params?: Record<string, string | number> } | null | undefined): string | undefined {
    if (!r?.message) return undefined
    const key = r.code ? `actionResult.${r.code}` : ''
    if (key && te(key)) return t(key, { ...r.params }, typeof r.params?.count === 'number' ? r.params.count : 1)
    return r.message
  }
  /** Why an action is not offered (shared/servers/rules.ts), in the reader's language. */
  function whyText(a: { reason?: string, why?: { key: string, params?: Record<string, string> } } | null | undefined): string | undefined {
    if (!a?.why || !te(a.why.key)) return a?.reason
    const params = { ...a.why.params }
    if (params.status && te(`status.server.${params.status}`)) params.status = t(`status.server.${params.status}`).toLowerCase()
    return t(a.why.key, params)
  }
  return { providerText, capabilityNote, connectionText, resultText, whyText }
}
