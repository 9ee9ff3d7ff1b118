/**
 * Every DNS check sentence goes out with its code and specifics (shared/dns/messages.ts), and the
 * code's English template rebuilds the sentence exactly; every code has its message in English
 * (the same template) and in Russian. A new sentence in the checks that the catalog lacks fails
 * the corpus test below with the sentence in the failure.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateRecord, validateZone } from '../../../shared/dns/validate'
import { importZone } from '../../../shared/dns/bind'
import { DNS_MESSAGES, DNS_WHAT, describeDnsMessage, dnsMessageText } from '../../../shared/dns/messages'
import type { DnsRecord } from '../../../shared/dns/types'
import { rec } from './helpers'

const zone = 'example.com'
type Tree = { [k: string]: string | Tree }
const messages = (lang: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '../../../i18n/locales', lang, 'dns.json'), 'utf8')) as { dns: { validation: Tree } }).dns.validation
// vue-i18n literal interpolation: {'@'} is "@".
const unescape = (m: string) => m.replace(/\{'(.)'\}/g, '$1')

const BAD: DnsRecord[] = [
  rec('A', 'www', '256.1.1.1'), rec('A', 'www', '1.2.3'), rec('A', 'www', '010.0.0.1'), rec('A', 'www', '10.0.0.0/8'), rec('A', 'www', '2001:db8::1'), rec('A', 'www', ''),
  rec('AAAA', 'www', '192.0.2.1'), rec('AAAA', 'www', 'zz::1::2'), rec('AAAA', 'www', '2001:db8::/32'), rec('AAAA', 'www', 'fe80::1%eth0'),
  rec('A', 'www.example.com', '192.0.2.1'), rec('A', 'www.', '192.0.2.1'), rec('A', 'a b', '192.0.2.1'), rec('A', 'a@b', '192.0.2.1'), rec('A', 'x.*', '192.0.2.1'),
  rec('A', 'a*', '192.0.2.1'), rec('A', '-x', '192.0.2.1'), rec('A', 'a_b', '192.0.2.1'), rec('A', 'a..b', '192.0.2.1'), rec('TXT', 'a!b', 'x'), rec('A', 'ä', '192.0.2.1'),
  rec('CNAME', '@', 'www.example.net'), rec('CNAME', 'blog', 'blog.example.com'), rec('CNAME', 'x', 'exa mple.net'), rec('NS', 'sub', 'ns1'), rec('NS', 'sub', '@'),
  rec('MX', '@', '10 mail.example.com', { priority: 10 }), rec('MX', '@', '.', { priority: 5 }), rec('MX', '@', 'mail.example.com'),
  rec('A', 'www', '192.0.2.1', { priority: 5 }), rec('A', 'www', '192.0.2.1', { ttl: 5 }),
  rec('TXT', 'x', '"unclosed'), rec('TXT', 'x', '"a" b'), rec('TXT', 'x', '"\\999"'), rec('TXT', 'x', ''), rec('TXT', 'x', `"${'a'.repeat(300)}"`),
  rec('SRV', 'sip', '5 5060 sip.example.com', { priority: 1 }), rec('SRV', '_sip._tcp', '1 5 5060 sip.example.com', { priority: 1 }), rec('SRV', '_sip._tcp', '5 x sip.example.com', { priority: 1 }),
  rec('SRV', '_sip._tcp', 'x 5060 sip.example.com', { priority: 1 }), rec('SRV', '_sip._tcp', '5 5060', { priority: 1 }),
  rec('CAA', '@', '0 issue letsencrypt.org'), rec('CAA', '@', '300 issue "x.org"'), rec('CAA', '@', '0 bogus "x.org"'), rec('CAA', '@', '0 iodef "nope"'),
  rec('CAA', '@', '0 issue "bad_ca"'), rec('CAA', '@', '0 issue "ca.org; nokv"'), rec('CAA', '@', 'x'),
  { ...rec('A', 'www', '192.0.2.1'), type: 'LINE' as DnsRecord['type'] },
]

describe('DNS sentences as codes', () => {
  it('every sentence the record checks make has a code whose template rebuilds it', () => {
    const seen = new Set<string>()
    for (const r of BAD) {
      const res = validateRecord(r, { zone })
      expect(res.ok, JSON.stringify(r)).toBe(false)
      if (res.ok) continue
      for (const e of res.errors) {
        expect(e.code, `no code for: ${e.message}`).toBeDefined()
        expect(dnsMessageText(e.code as keyof typeof DNS_MESSAGES, e.params)).toBe(e.message)
        seen.add(e.code!)
      }
    }
    expect(seen.size).toBeGreaterThan(30)
  })

  it('cross-record sentences and zone-file lines have codes too', () => {
    const cross = validateZone([rec('CNAME', 'www', 'a.example.net'), rec('A', 'www', '192.0.2.1'), rec('A', 'x', '192.0.2.1'), rec('A', 'x', '192.0.2.1')], { zone })
    expect(cross.ok).toBe(false)
    if (!cross.ok) for (const e of cross.errors) expect(e.code, e.message).toBeDefined()
    const file = '$ORIGIN\n$INCLUDE x\nwww 3600 CH A 1.2.3.4\nwww 3600 IN LINE x\nmail.other.org. 3600 IN A 1.2.3.4\nwww IN A 1.2.3.4\nwww 3600 IN A 999.1.1.1\nhello\n'
    const { errors } = importZone(file, zone)
    expect(errors.length).toBeGreaterThan(5)
    for (const e of errors) expect(e.code, `line ${e.line}: ${e.message}`).toBeDefined()
  })

  it('sentences made of sentences keep the inner one whole', () => {
    expect(describeDnsMessage('www A: Each of the four numbers of an IPv4 address must be from 0 to 255, like 192.0.2.1')).toEqual({ code: 'zoneRecord', params: { owner: 'www', rtype: 'A', inner: 'Each of the four numbers of an IPv4 address must be from 0 to 255, like 192.0.2.1' } })
    expect(describeDnsMessage('Mail server: "-x" can\'t start or end with a hyphen')).toEqual({ code: 'labelHyphen', params: { what: 'Mail server', label: '-x' } })
  })

  it.each(['en', 'ru'])('%s: every code and field name has its message', (lang) => {
    const m = messages(lang)
    expect(Object.keys(DNS_MESSAGES).filter(c => typeof m[c] !== 'string')).toEqual([])
    const what = m.what as Tree
    expect(Object.values(DNS_WHAT).filter(k => typeof what[k] !== 'string')).toEqual([])
  })

  it('the English messages are the templates', () => {
    const m = messages('en')
    for (const [code, template] of Object.entries(DNS_MESSAGES)) expect(unescape(m[code] as string), code).toBe(template)
  })
})
