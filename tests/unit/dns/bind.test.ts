import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportZone, importZone, parseZoneTtl } from '../../../shared/dns/bind'
import { normalizeRecord } from '../../../shared/dns/normalize'
import type { DnsRecord } from '../../../shared/dns/types'
import { validateZone } from '../../../shared/dns/validate'
import { rec } from './helpers'

const NAMED_CHECKZONE = '/usr/bin/named-checkzone'
const dir = mkdtempSync(join(tmpdir(), 'dns-bind-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs BIND's own checker on the text; throws (failing the test) with its output if it refuses. */
function namedCheckzone(zone: string, text: string): string {
  // Deliberately a failure, not a skip: without the checker this test proves nothing.
  if (!existsSync(NAMED_CHECKZONE)) throw new Error(`${NAMED_CHECKZONE} is missing: install Debian's bind9-utils`)
  const file = join(dir, `${zone}.${Math.random().toString(36).slice(2)}.zone`)
  writeFileSync(file, text)
  try {
    return execFileSync(NAMED_CHECKZONE, [zone, file], { encoding: 'utf8', timeout: 15_000 })
  }
  catch (e) {
    const err = e as { stdout?: string, stderr?: string }
    throw new Error(`named-checkzone refused the file:\n${err.stdout ?? ''}${err.stderr ?? ''}\n---\n${text}`, { cause: e })
  }
}

/** Canonical, id-less, sorted: the form two equal record sets share. */
function canon(records: DnsRecord[], zone = 'example.com') {
  return records
    .map((r) => { const { id: _id, ...n } = normalizeRecord(r, zone); return n })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

const zoneRecords: DnsRecord[] = [
  rec('NS', '@', 'ns1.example.com', { ttl: 86400 }),
  rec('NS', '@', 'ns2.example.com.', { ttl: 86400 }),
  rec('A', 'ns1', '192.0.2.53'),
  rec('A', 'ns2', '198.51.100.53'),
  rec('A', '@', '93.184.216.34', { ttl: 14400, priority: 0 }),
  rec('AAAA', '@', '2001:DB8:0:0::1', { ttl: 14400 }),
  rec('CNAME', 'www', 'example.com', { ttl: 14400 }),
  rec('CNAME', 'shop', '@'),
  rec('MX', '@', 'mail.example.com', { priority: 10, ttl: 14400 }),
  rec('MX', '@', 'mail2.example.com.', { priority: 20 }),
  rec('A', 'mail', '192.0.2.25'),
  rec('AAAA', 'mail2', '::ffff:192.0.2.26'),
  rec('MX', 'nomail', '.', { priority: 0 }),
  rec('A', 'nomail', '192.0.2.99'),
  rec('TXT', '@', 'v=spf1 mx -all'),
  rec('TXT', '@', '"google-site-verification=abc123"'),
  rec('TXT', 'sel1._domainkey', `v=DKIM1; k=rsa; p=${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A'.repeat(20)}`),
  rec('TXT', '_dmarc', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'),
  rec('TXT', 'quotes', '"she said \\"hi\\"" "back\\\\slash; semi" "café ☕"'),
  rec('TXT', 'spaces', '"  padded  "'),
  rec('TXT', 'ctl', '"tab\\009inside"'),
  rec('SRV', '_sip._tcp', '5 5060 sip.example.com', { priority: 10 }),
  rec('SRV', '_xmpp-server._tcp.chat', '0 5269 @', { priority: 5 }),
  rec('A', 'sip', '192.0.2.60'),
  rec('CAA', '@', '0 issue "letsencrypt.org"'),
  rec('CAA', '@', '0 issuewild ";"'),
  rec('CAA', '@', '128 iodef "mailto:security@example.com"'),
  rec('A', '*.dev', '192.0.2.7', { ttl: 300 }),
  rec('A', '*', '192.0.2.8', { ttl: 60 }),
  rec('NS', 'delegated', 'ns1.delegated.example.com'),
  rec('A', 'ns1.delegated', '192.0.2.54'),
]

describe('exportZone', () => {
  const text = exportZone('example.com', zoneRecords, { soa: { serial: 2026112201 } })

  it('passes named-checkzone', () => {
    expect(namedCheckzone('example.com', text)).toMatch(/loaded serial 2026112201\s+OK/)
  })

  it('writes $ORIGIN, $TTL, the SOA and every record with absolute targets', () => {
    expect(text).toContain('$ORIGIN example.com.\n$TTL 3600\n')
    expect(text).toMatch(/^@\s+3600\s+IN SOA\s+ns1\.example\.com\. hostmaster\.example\.com\. \(/m)
    expect(text).toMatch(/^www\s+14400\s+IN CNAME example\.com\.$/m)
    expect(text).toMatch(/^@\s+14400\s+IN MX\s+10 mail\.example\.com\.$/m)
    expect(text).toMatch(/^nomail\s+3600\s+IN MX\s+0 \.$/m)
    expect(text).toMatch(/^_sip\._tcp\s+3600\s+IN SRV\s+10 5 5060 sip\.example\.com\.$/m)
    expect(text).toMatch(/^@\s+3600\s+IN CAA\s+128 iodef "mailto:security@example\.com"$/m)
    expect(text).toMatch(/^quotes\s+3600\s+IN TXT\s+\( "she said \\"hi\\""\n\s+"back\\\\slash; semi"\n\s+"caf\\195\\169 \\226\\152\\149" \)$/m)
  })

  it('splits long TXT values into strings of at most 255 bytes', () => {
    const dkim = /^sel1\._domainkey[^(]*\(([^)]*)\)/m.exec(text)![1]
    const strings = [...dkim.matchAll(/"([^"]*)"/g)].map(m => m[1])
    expect(strings.length).toBe(3)
    expect(strings.slice(0, -1).every(s => s.length === 255)).toBe(true)
    expect(strings.join('')).toBe(zoneRecords[16].content)
  })

  it('gives back the same records when imported', () => {
    const back = importZone(text, 'example.com')
    expect(back.errors).toEqual([])
    expect(canon(back.records)).toEqual(canon(zoneRecords))
  })

  it('uses the SOA and $TTL given, and an e-mail address as the mailbox', () => {
    const t = exportZone('Example.COM.', [rec('NS', '@', 'ns.example.net')], {
      defaultTtl: 600,
      soa: { mname: 'ns.example.net.', rname: 'dns.admin@example.com', serial: 7, refresh: 1, retry: 2, expire: 3, minimum: 4 },
    })
    expect(t).toContain('$ORIGIN example.com.\n$TTL 600\n')
    expect(t).toMatch(/IN SOA\s+ns\.example\.net\. dns\\\.admin\.example\.com\. \(/)
    expect(t.match(/^\s+\d+\s+;/gm)!.map(l => Number(l.trim().split(/\s/)[0]))).toEqual([7, 1, 2, 3, 4])
    expect(namedCheckzone('example.com', t)).toMatch(/OK/)
  })

  it('comments out invalid records instead of breaking the file', () => {
    const t = exportZone('example.com', [
      rec('NS', '@', 'ns.example.net'),
      rec('A', 'evil', '192.0.2.1\n@ IN NS attacker.example.'),
      rec('A', 'long-ttl', '192.0.2.2', { ttl: 172800 }),
    ])
    expect(t).toMatch(/^; skipped, not valid: evil A 192\.0\.2\.1\?@ IN NS attacker\.example\./m)
    expect(t).toMatch(/^long-ttl\s+172800\s+IN A\s+192\.0\.2\.2$/m)
    expect(namedCheckzone('example.com', t)).toMatch(/OK/)
  })

  it('writes names typed absolute relative to $ORIGIN', () => {
    const t = exportZone('example.com', [rec('NS', '@', 'ns.example.net'), rec('A', 'www.example.com.', '192.0.2.1')])
    expect(t).toMatch(/^www\s+3600\s+IN A\s+192\.0\.2\.1$/m)
  })
})

describe('importZone', () => {
  const handWritten = [
    '; example.com, edited by hand',
    '$TTL 1h',
    '$ORIGIN example.com.',
    '@   IN  SOA ns1.example.com. hostmaster.example.com. (',
    '        2026010101 ; serial',
    '        7200       ; refresh',
    '        3600 1209600',
    '        300 )      ; minimum',
    '    IN  NS   ns1           ; relative: ns1.example.com',
    '    IN  NS   ns2.example.net.',
    '    IN  MX   10 mail',
    '    300 IN A 93.184.216.34',
    'www         CNAME @',
    'ns1 IN 7200 A 192.0.2.53',
    'mail A 192.0.2.25 ; TTL from $TTL',
    '    AAAA 2001:db8::25',
    '_dmarc TXT "v=DMARC1; p=none" ; a comment after a quoted ;',
    'dkim._domainkey IN TXT ( "v=DKIM1; k=rsa; "',
    '                         "p=ABCDEF" )',
    '@ CAA 0 issue "letsencrypt.org"',
    '_sip._tcp SRV 10 5 5060 sip.example.com.',
    '$ORIGIN dev.example.com.',
    'api A 192.0.2.80',
    '* A 192.0.2.81',
    'WWW2.Example.COM. 60 IN A 192.0.2.82',
    '',
  ].join('\n')

  it('reads $TTL, $ORIGIN, parentheses, comments and omitted fields', () => {
    const { records, errors } = importZone(handWritten, 'example.com')
    expect(errors).toEqual([])
    expect(validateZone(records, { zone: 'example.com' })).toEqual({ ok: true })
    expect(records).toEqual([
      { type: 'NS', name: '@', content: 'ns1.example.com', ttl: 3600 },
      { type: 'NS', name: '@', content: 'ns2.example.net', ttl: 3600 },
      { type: 'MX', name: '@', content: 'mail.example.com', ttl: 3600, priority: 10 },
      { type: 'A', name: '@', content: '93.184.216.34', ttl: 300 },
      { type: 'CNAME', name: 'www', content: 'example.com', ttl: 3600 },
      { type: 'A', name: 'ns1', content: '192.0.2.53', ttl: 7200 },
      { type: 'A', name: 'mail', content: '192.0.2.25', ttl: 3600 },
      { type: 'AAAA', name: 'mail', content: '2001:db8::25', ttl: 3600 },
      { type: 'TXT', name: '_dmarc', content: 'v=DMARC1; p=none', ttl: 3600 },
      { type: 'TXT', name: 'dkim._domainkey', content: '"v=DKIM1; k=rsa; " "p=ABCDEF"', ttl: 3600 },
      { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"', ttl: 3600 },
      { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.com', ttl: 3600, priority: 10 },
      { type: 'A', name: 'api.dev', content: '192.0.2.80', ttl: 3600 },
      { type: 'A', name: '*.dev', content: '192.0.2.81', ttl: 3600 },
      { type: 'A', name: 'www2', content: '192.0.2.82', ttl: 60 },
    ])
  })

  it('without $TTL, repeats the previous TTL (or the SOA minimum)', () => {
    const { records, errors } = importZone([
      '@ IN SOA ns1.example.com. h.example.com. 1 7200 3600 1209600 900',
      'a A 192.0.2.1',
      'b 120 A 192.0.2.2',
      'c A 192.0.2.3',
    ].join('\n'), 'example.com')
    expect(errors).toEqual([])
    expect(records.map(r => r.ttl)).toEqual([900, 120, 120])
  })

  it('reports unsupported types, classes and directives with their line, and keeps the rest', () => {
    const { records, errors } = importZone([
      '$TTL 3600',
      'www A 192.0.2.1',
      '1.2 PTR host.example.com.',
      'x CH TXT "chaos"',
      '$INCLUDE other.zone',
      'y SSHFP 1 1 abcdef',
      'z A 192.0.2.300',
      'o.example.org. A 192.0.2.1',
      'ok TXT "fine"',
    ].join('\n'), 'example.com')
    expect(records.map(r => r.name)).toEqual(['www', 'ok'])
    expect(errors).toMatchObject([
      { line: 3, message: expect.stringMatching(/^Record type PTR is not supported \(supported: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA\)$/) },
      { line: 4, message: expect.stringMatching(/Only the IN class/) },
      { line: 5, message: expect.stringMatching(/\$INCLUDE is not supported/) },
      { line: 6, message: expect.stringMatching(/Record type SSHFP is not supported/) },
      { line: 7, message: expect.stringMatching(/^z A: .*0 to 255/) },
      { line: 8, message: 'o.example.org is outside the zone example.com' },
    ])
  })

  it('says a line of words is not a DNS record, instead of naming a word as an unsupported type', () => {
    const { records, errors } = importZone([
      '$TTL 3600',
      'www A 192.0.2.1',
      'this line is nonsense',
      'lonely',
      'mail 3600 IN TLSA 3 1 1 abcdef',
    ].join('\n'), 'example.com')
    expect(records.map(r => r.name)).toEqual(['www'])
    const notARecord = 'Not a DNS record: expected "name TTL class type value", like "www 3600 IN A 203.0.113.10"'
    expect(errors).toMatchObject([
      { line: 3, message: notARecord },
      { line: 4, message: notARecord },
      // A real type we do not manage is still named as such.
      { line: 5, message: expect.stringMatching(/^Record type TLSA is not supported/) },
    ])
  })

  it('leaves out records breaking the CNAME and duplicate rules, reporting each line', () => {
    const { records, errors } = importZone([
      '$TTL 3600',
      'www CNAME example.net.',
      'www A 192.0.2.1',
      'a A 192.0.2.1',
      'a 60 A 192.0.2.1',
    ].join('\n'), 'example.com')
    expect(records).toEqual([{ type: 'A', name: 'a', content: '192.0.2.1', ttl: 3600 }])
    expect(errors.map(e => e.line)).toEqual([2, 3, 5])
    expect(errors[0].message).toMatch(/^www CNAME: A CNAME must be the only record/)
    expect(errors[2].message).toMatch(/Duplicate record/)
  })

  it('reports syntax errors: unclosed parenthesis or quote, missing TTL, missing data', () => {
    expect(importZone('www A 192.0.2.1', 'example.com').errors).toMatchObject([{ line: 1, message: expect.stringMatching(/No TTL/) }])
    expect(importZone('$TTL 60\nwww TXT "open\nnext A 192.0.2.1', 'example.com').errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/not closed/) })
    expect(importZone('$TTL 60\nwww TXT ( "a"\nnext A 192.0.2.1', 'example.com')).toMatchObject({
      records: [], errors: [{ line: 2, message: expect.stringMatching(/never closed/) }],
    })
    expect(importZone('$TTL 60\nwww MX mail.example.com.', 'example.com').errors).toMatchObject([{ line: 2, message: expect.stringMatching(/MX data must be "priority host"/) }])
    expect(importZone('$TTL 60\n  A 192.0.2.1', 'example.com').errors[0].message).toMatch(/previous name/)
  })

  it('accepts Windows line endings and unquoted TXT words', () => {
    const { records, errors } = importZone('$TTL 300\r\n@ IN TXT hello "big world"\r\nwww A 192.0.2.1\r\n', 'example.com')
    expect(errors).toEqual([])
    expect(records).toEqual([
      { type: 'TXT', name: '@', content: '"hello" "big world"', ttl: 300 },
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
    ])
  })

  it('understands BIND TTL units', () => {
    expect(parseZoneTtl('3600')).toBe(3600)
    expect(parseZoneTtl('1h30m')).toBe(5400)
    expect(parseZoneTtl('2W')).toBe(1209600)
    expect(parseZoneTtl('1x')).toBeNull()
  })

  it('round-trips the hand-written zone through export and named-checkzone', () => {
    const { records } = importZone(handWritten, 'example.com')
    const text = exportZone('example.com', [...records, rec('A', 'sip', '192.0.2.60')], { soa: { serial: 1 } })
    // ns2.example.net is out of zone: the checker may only warn about it.
    expect(namedCheckzone('example.com', text)).toMatch(/OK/)
    expect(canon(importZone(text, 'example.com').records)).toEqual(canon([...records, rec('A', 'sip', '192.0.2.60')]))
  })
})
