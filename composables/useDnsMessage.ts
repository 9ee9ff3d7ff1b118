/**
 * A DNS check's sentence in the reader's language: by its `code` and `params` (shared/dns/messages.ts)
 * as `dns.validation.<code>`, the specifics made of words translated too (a field's name, "@ (the
 * domain itself)", a list of record types, a sentence inside a sentence). A sentence the catalog
 * lacks shows in English.
 */
import { DNS_WHAT, describeDnsMessage, type DnsMessage } from '~~/shared/dns/messages'

export function useDnsMessage() {
  const { t, te } = useI18n()

  function param(name: string, value: string): string {
    if (name === 'what') {
      const key = DNS_WHAT[value]
      return key ? t(`dns.validation.what.${key}`) : value
    }
    if (name === 'inner') return dnsText({ message: value })
    if (name === 'name' && value === '@ (the domain itself)') return t('dns.validation.domainItself')
    if (name === 'types') {
      const one = /^(an?) (\S+) record$/.exec(value)
      if (one) return t(one[1] === 'an' ? 'dns.validation.typesOne' : 'dns.validation.typesOneA', { type: one[2] })
      const many = /^(.+) and (\S+) records$/.exec(value)
      if (many) return t('dns.validation.typesMany', { types: many[1], last: many[2] })
    }
    return value
  }

  function render(d: DnsMessage | { code: string, params?: Record<string, string> }): string | null {
    const key = `dns.validation.${d.code}`
    if (!te(key)) return null
    return t(key, Object.fromEntries(Object.entries(d.params ?? {}).map(([k, v]) => [k, param(k, v)])))
  }

  /** The error's sentence translated: by its code when it has one, else found from the English. */
  function dnsText(e: { message: string, code?: string, params?: Record<string, string> }): string {
    const coded = e.code ? render({ code: e.code, params: e.params }) : null
    if (coded) return coded
    const found = describeDnsMessage(e.message)
    if (found) return render(found) ?? e.message
    // Several sentences joined (a zone-file line with more than one problem).
    const parts = e.message.split('; ')
    if (parts.length > 1 && parts.every(p => describeDnsMessage(p))) return parts.map(p => dnsText({ message: p })).join('; ')
    return e.message
  }
  return { dnsText }
}
