import { describe, expect, it } from 'vitest'
import {
  dnsDeleteQuerySchema, dnsPutBodySchemaFor, dnsRecordSchema, dnsRecordSchemaFor, validateRecord, validateZone,
} from '../../../shared/dns/validate'
import type { DnsRecord } from '../../../shared/dns/types'
import { rec } from './helpers'

const zone = 'example.com'

function errorsOf(record: DnsRecord, allRecords?: DnsRecord[]) {
  const res = validateRecord(record, { zone, allRecords })
  return res.ok ? [] : res.errors
}
/** The message for one field, or undefined when that field is fine. */
function messageFor(record: DnsRecord, field: string, allRecords?: DnsRecord[]) {
  return errorsOf(record, allRecords).find(e => e.field === field)?.message
}
function expectValid(record: DnsRecord) {
  expect(errorsOf(record)).toEqual([])
}

describe('A records', () => {
  it.each(['192.0.2.1', '0.0.0.0', '255.255.255.255', '10.0.0.1', ' 198.51.100.7 '])('accepts %s', (ip) => {
    expectValid(rec('A', 'www', ip))
  })
  it.each([
    ['256.1.1.1', /0 to 255/],
    ['1.2.3', /four numbers/],
    ['1.2.3.4.5', /four numbers/],
    ['010.0.0.1', /leading zeros/],
    ['10.0.0.1/24', /not a range/],
    ['10.0.0.1-10.0.0.9', /not a range/],
    ['2001:db8::1', /AAAA/],
    ['', /Enter an IPv4 address/],
    ['a.b.c.d', /0 to 255/],
  ])('refuses %s', (ip, message) => {
    expect(messageFor(rec('A', 'www', ip), 'content')).toMatch(message)
  })
  it('refuses an underscore in the name of a host record', () => {
    expect(messageFor(rec('A', '_x', '192.0.2.1'), 'name')).toMatch(/underscore.*A records name hosts/)
  })
})

describe('AAAA records', () => {
  it.each([
    '2001:db8::1', '::1', '::', '2001:0db8:0000:0000:0000:0000:0000:0001', 'fe80::', '1:2:3:4:5:6:7::',
    '::ffff:192.0.2.1', '64:ff9b::192.0.2.33', '1:2:3:4:5:6:192.0.2.1', '2001:DB8::ABCD',
  ])('accepts %s', (ip) => {
    expectValid(rec('AAAA', '@', ip))
  })
  it.each([
    ['2001:db8:::1', /valid IPv6/],
    ['2001:db8::1::2', /valid IPv6/],
    ['1:2:3:4:5:6:7:8:9', /valid IPv6/],
    ['1:2:3:4:5:6:7', /valid IPv6/],
    ['12345::1', /valid IPv6/],
    ['2001:db8::g', /valid IPv6/],
    ['1:2:3:4:5:6:7:192.0.2.1', /valid IPv6/],
    ['::ffff:192.0.2.256', /valid IPv6/],
    ['2001:db8::/32', /not a network/],
    ['fe80::1%eth0', /zone index/],
    ['192.0.2.1', /use an A record/],
  ])('refuses %s', (ip, message) => {
    expect(messageFor(rec('AAAA', '@', ip), 'content')).toMatch(message)
  })
})

describe('CNAME records', () => {
  it.each(['example.com', 'example.com.', 'target.example.net', '@', 'u123.wl.sendgrid.net', '_acme.auth.example.org'])('accepts %s', (t) => {
    expectValid(rec('CNAME', 'www', t))
  })
  it.each([
    ['', /required/],
    ['mail', /full host name/],
    ['-bad.example.com', /hyphen/],
    ['bad-.example.com', /hyphen/],
    ['a..example.com', /empty label/],
    [`${'a'.repeat(64)}.example.com`, /at most 63/],
    [`${'abcdefghi.'.repeat(26)}com`, /at most 253/],
    ['has space.example.com', /spaces/],
    ['bücher.example', /punycode/],
    ['ex!ample.com', /letters, digits and hyphens/],
  ])('refuses target %s', (t, message) => {
    expect(messageFor(rec('CNAME', 'www', t), 'content')).toMatch(message)
  })
  it('refuses a CNAME at the apex', () => {
    expect(messageFor(rec('CNAME', '@', 'other.example.net'), 'name')).toMatch(/can't be at the domain itself/)
  })
  it('refuses a CNAME pointing at itself', () => {
    expect(messageFor(rec('CNAME', 'www', 'www.example.com.'), 'content')).toMatch(/own name/)
  })
})

describe('NS records', () => {
  it('accepts host names', () => {
    expectValid(rec('NS', '@', 'ns1.example.net'))
    expectValid(rec('NS', 'sub', 'ns1.example.com.'))
  })
  it.each([['@', /can't be "@"/], ['ns1', /full host name/], ['ns_1.example.net', /can't contain an underscore/]])('refuses %s', (t, message) => {
    expect(messageFor(rec('NS', 'sub', t), 'content')).toMatch(message)
  })
})

describe('MX records', () => {
  it('accepts a host name with a priority, "@" and the null MX', () => {
    expectValid(rec('MX', '@', 'mail.example.com', { priority: 10 }))
    expectValid(rec('MX', '@', '@', { priority: 0 }))
    expectValid(rec('MX', '@', '.', { priority: 0 }))
    expectValid(rec('MX', 'sub', 'mx.example.net.', { priority: 65535 }))
  })
  it.each([
    [undefined, /MX priority is required/],
    [-1, /MX priority must be a whole number from 0 to 65535/],
    [65536, /MX priority must be a whole number from 0 to 65535/],
    [1.5, /MX priority must be a whole number from 0 to 65535/],
  ])('refuses priority %s', (priority, message) => {
    expect(messageFor(rec('MX', '@', 'mail.example.com', { priority }), 'priority')).toMatch(message)
  })
  it('explains where the priority goes when typed into the content', () => {
    expect(messageFor(rec('MX', '@', '10 mail.example.com', { priority: 10 }), 'content')).toMatch(/priority field/)
  })
  it('refuses a null MX with a non-zero priority, and a bad host', () => {
    expect(messageFor(rec('MX', '@', '.', { priority: 10 }), 'content')).toMatch(/null MX/)
    expect(messageFor(rec('MX', '@', 'mail_1.example.com', { priority: 10 }), 'content')).toMatch(/Mail server/)
  })
})

describe('TXT records', () => {
  it.each([
    'v=spf1 include:_spf.example.net -all',
    '"v=spf1 -all"',
    '"part one" "part two"',
    '"say \\"hi\\""',
    '"back\\\\slash"',
    '"tab\\009here"',
    '""',
    'a'.repeat(4000),
    `"${'a'.repeat(255)}" "${'b'.repeat(255)}"`,
    'café ünïcode',
  ])('accepts %s', (txt) => {
    expectValid(rec('TXT', '@', txt))
  })
  it.each([
    ['', /required/],
    ['   ', /required/],
    ['"unclosed', /unclosed quote/],
    ['"one" "two', /unclosed quote/],
    ['say "hi"', /complete quoted strings/],
    ['"a" b', /complete quoted strings/],
    [`"${'a'.repeat(256)}"`, /at most 255 bytes \(string 1 is 256\)/],
    [`"ok" "${'é'.repeat(128)}"`, /string 2 is 256/],
    ['a'.repeat(4001), /at most 4000 bytes/],
    ['line\nbreak', /control characters/],
    ['"\\256"', /000 to 255/],
  ])('refuses %j', (txt, message) => {
    expect(messageFor(rec('TXT', '@', txt), 'content')).toMatch(message)
  })
  it('accepts underscore names for DKIM and DMARC', () => {
    expectValid(rec('TXT', '_dmarc', 'v=DMARC1; p=none'))
    expectValid(rec('TXT', 'sel1._domainkey', 'v=DKIM1; p=abc'))
  })
})

describe('SRV records', () => {
  it('accepts "weight port target" with the priority separate', () => {
    expectValid(rec('SRV', '_sip._tcp', '5 5060 sip.example.com', { priority: 10 }))
    expectValid(rec('SRV', '_xmpp-server._tcp.eu', '0 5269 xmpp.example.net.', { priority: 0 }))
    expectValid(rec('SRV', '_imap._tcp', '0 0 .', { priority: 0 }))
  })
  it.each([
    ['www', /_service._proto|like "_sip._tcp"/],
    ['_sip', /like "_sip._tcp"/],
    ['sip._tcp', /like "_sip._tcp"/],
  ])('refuses the name %s', (name, message) => {
    expect(messageFor(rec('SRV', name, '5 5060 sip.example.com', { priority: 10 }), 'name')).toMatch(message)
  })
  it.each([
    ['10 5 5060 sip.example.com', /priority field/],
    ['5 sip.example.com', /weight port target/],
    ['70000 5060 sip.example.com', /weight must be a whole number from 0 to 65535/],
    ['5 65536 sip.example.com', /port must be a whole number from 0 to 65535/],
    ['5 -1 sip.example.com', /port must be/],
    ['5 5060 sip', /full host name/],
    ['', /required/],
  ])('refuses content %s', (content, message) => {
    expect(messageFor(rec('SRV', '_sip._tcp', content, { priority: 10 }), 'content')).toMatch(message)
  })
  it('requires a priority', () => {
    expect(messageFor(rec('SRV', '_sip._tcp', '5 5060 sip.example.com'), 'priority')).toMatch(/SRV priority is required/)
    expect(messageFor(rec('SRV', '_sip._tcp', '5 5060 sip.example.com', { priority: 65536 }), 'priority')).toMatch(/0 to 65535/)
  })
})

describe('CAA records', () => {
  it.each([
    '0 issue "letsencrypt.org"',
    '0 issuewild "sectigo.com"',
    '128 issue "letsencrypt.org; validationmethods=dns-01"',
    '0 issue ";"',
    '0 issue ""',
    '0 iodef "mailto:security@example.com"',
    '0 iodef "https://ca-reports.example.com/caa"',
    '0 ISSUE "letsencrypt.org"',
  ])('accepts %s', (content) => {
    expectValid(rec('CAA', '@', content))
  })
  it.each([
    ['256 issue "letsencrypt.org"', /flags must be a whole number from 0 to 255/],
    ['x issue "letsencrypt.org"', /flags/],
    ['0 contactemail "a@example.com"', /tag "contactemail" is not supported: use issue, issuewild or iodef/],
    ['0 issue letsencrypt.org', /double quotes/],
    ['0 issue "letsencrypt.org', /double quotes/],
    ['0 issue "not a domain"', /letsencrypt.org/],
    ['0 iodef "security@example.com"', /mailto:/],
    ['0 issue', /flags tag/],
  ])('refuses %s', (content, message) => {
    expect(messageFor(rec('CAA', '@', content), 'content')).toMatch(message)
  })
})

describe('names', () => {
  it.each(['@', 'www', 'a.b.c', '*', '*.dev', 'xn--bcher-kva', '_dmarc', 'MiXeD', 'a-b'])('accepts %s', (name) => {
    expectValid(rec('TXT', name, 'x'))
  })
  it.each([
    ['', /required/],
    ['www.', /relative to the domain/],
    ['www.example.com.', /"www" instead/],
    ['example.com.', /"@" instead/],
    ['www.example.com', /would mean www.example.com.example.com/],
    ['a.*.b', /leftmost/],
    ['*a', /part on its own/],
    ['-www', /hyphen/],
    ['a..b', /empty label/],
    ['w w', /spaces/],
    ['a@b', /"@" can only be used alone/],
    [`${'a'.repeat(64)}`, /at most 63/],
    [`${'abcdefghi.'.repeat(24)}abc`, /too long/],
  ])('refuses %j', (name, message) => {
    expect(messageFor(rec('TXT', name, 'x'), 'name')).toMatch(message)
  })
})

describe('TTL and priority', () => {
  it.each([60, 300, 86400])('accepts TTL %s', (ttl) => {
    expectValid(rec('A', 'www', '192.0.2.1', { ttl }))
  })
  it.each([59, 86401, 0, -5, 3600.5, Number.NaN])('refuses TTL %s', (ttl) => {
    expect(messageFor(rec('A', 'www', '192.0.2.1', { ttl }), 'ttl')).toBe('TTL must be a whole number of seconds from 60 (1 minute) to 86400 (1 day)')
  })
  it('ignores a zero or missing priority on types without one, refuses any other', () => {
    expectValid(rec('A', 'www', '192.0.2.1', { priority: 0 }))
    expect(messageFor(rec('A', 'www', '192.0.2.1', { priority: 10 }), 'priority')).toMatch(/only applies to MX and SRV/)
  })
  it('refuses unknown types', () => {
    expect(messageFor({ ...rec('A', 'x', '1.2.3.4'), type: 'PTR' as 'A' }, 'type')).toMatch(/"PTR" is not supported/)
  })
})

describe('validateRecord with the rest of the zone', () => {
  const zoneRecords = [
    rec('A', 'www', '192.0.2.1', { id: 'www/A/0' }),
    rec('CNAME', 'blog', 'example.net', { id: 'blog/CNAME/0' }),
    rec('TXT', '@', 'v=spf1 -all', { id: '@/TXT/0' }),
  ]
  it('refuses a CNAME where other records exist, and records next to a CNAME', () => {
    expect(messageFor(rec('CNAME', 'www', 'example.net'), 'name', zoneRecords)).toMatch(/already has an A record; a CNAME must be the only record/)
    expect(messageFor(rec('TXT', 'blog', 'x'), 'name', zoneRecords)).toMatch(/has a CNAME record/)
    expect(messageFor(rec('CNAME', 'blog', 'other.example.net'), 'name', zoneRecords)).toMatch(/already has a CNAME/)
  })
  it('refuses a duplicate, even with another TTL or spelling', () => {
    expect(messageFor(rec('TXT', '@', '"v=spf1 -all"', { ttl: 60 }), 'content', zoneRecords)).toMatch(/already exists/)
    expect(messageFor(rec('A', 'WWW', '192.0.2.1'), 'content', zoneRecords)).toMatch(/already exists/)
  })
  it('leaves out the record being edited (same id)', () => {
    expect(errorsOf(rec('A', 'www', '192.0.2.1', { id: 'www/A/0', ttl: 60 }), zoneRecords)).toEqual([])
    expect(errorsOf(rec('CNAME', 'blog', 'other.example.net', { id: 'blog/CNAME/0' }), zoneRecords)).toEqual([])
  })
})

describe('validateZone', () => {
  it('accepts a sound zone', () => {
    expect(validateZone([
      rec('A', '@', '192.0.2.1'), rec('MX', '@', 'mail.example.com', { priority: 10 }), rec('CNAME', 'www', '@'),
      rec('A', 'www.eu', '192.0.2.2'), rec('A', 'mail', '192.0.2.3'), rec('A', 'mail', '192.0.2.4'),
    ], { zone })).toEqual({ ok: true })
  })
  it('reports a CNAME sharing its name, on every record involved', () => {
    const res = validateZone([rec('CNAME', 'www', 'example.net'), rec('A', 'www', '192.0.2.1'), rec('A', 'ok', '192.0.2.1')], { zone })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.errors.map(e => [e.index, e.field])).toEqual([[0, 'name'], [1, 'name']])
    expect(res.errors[0].message).toMatch(/only record at its name, but "www" also has an A record/)
  })
  it('reports two CNAMEs at one name and a CNAME at the apex', () => {
    const res = validateZone([rec('CNAME', 'www', 'a.example.net'), rec('CNAME', 'www', 'b.example.net'), rec('CNAME', '@', 'c.example.net')], { zone })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.errors.map(e => e.index)).toEqual([0, 1, 2])
    expect(res.errors[0].message).toMatch(/2 CNAME records/)
    expect(res.errors[2].message).toMatch(/can't be at the domain itself/)
  })
  it('reports identical records once, on the second copy, with ids', () => {
    const res = validateZone([
      rec('MX', '@', 'mail.example.com', { priority: 10, id: '@/MX/0' }),
      rec('MX', '@', 'MAIL.example.com.', { priority: 10, ttl: 60, id: '@/MX/1' }),
      rec('MX', '@', 'mail.example.com', { priority: 20, id: '@/MX/2' }),
    ], { zone })
    expect(res).toMatchObject({ ok: false, errors: [{ index: 1, id: '@/MX/1', field: 'content', message: expect.stringMatching(/Duplicate record.*records 1 and 2/) }] })
  })
})

describe('zod schemas', () => {
  it('parses a valid record and drops a null priority', () => {
    expect(dnsRecordSchema.parse({ type: 'A', name: 'api', content: '93.184.216.35', ttl: 3600, priority: null }))
      .toEqual({ type: 'A', name: 'api', content: '93.184.216.35', ttl: 3600 })
  })
  it('reports the validators\' messages at the field', () => {
    const res = dnsRecordSchemaFor(zone).safeParse({ type: 'MX', name: 'www.example.com.', content: 'mail.example.com', ttl: 10, priority: 70000 })
    expect(res.success).toBe(false)
    const issues = res.error!.issues.map(i => [i.path.join('.'), i.message])
    expect(issues).toContainEqual(['priority', 'MX priority must be a whole number from 0 to 65535'])
    expect(issues).toContainEqual(['ttl', 'TTL must be a whole number of seconds from 60 (1 minute) to 86400 (1 day)'])
    expect(issues).toContainEqual(['name', 'Write the name relative to the domain: "www" instead of "www.example.com."'])
  })
  it('refuses unknown types and wrong JSON types', () => {
    expect(dnsRecordSchema.safeParse({ type: 'PTR', name: 'x', content: 'y', ttl: 60 }).success).toBe(false)
    expect(dnsRecordSchema.safeParse({ type: 'A', name: 'x', content: '1.2.3.4', ttl: '60' }).success).toBe(false)
  })
  it('checks a PUT body as a whole, with the index of the bad record', () => {
    const body = dnsPutBodySchemaFor(zone)
    expect(body.parse({ records: [{ type: 'A', name: '@', content: '192.0.2.1', ttl: 14400 }] }).overwrite).toBe(false)
    const res = body.safeParse({ records: [rec('CNAME', 'www', 'example.net'), rec('A', 'www', '192.0.2.1')], overwrite: true })
    expect(res.success).toBe(false)
    expect(res.error!.issues.map(i => i.path.join('.'))).toEqual(['records.0.name', 'records.1.name'])
    expect(body.safeParse({ records: [] }).success).toBe(false)
  })
  it('checks the DELETE query', () => {
    expect(dnsDeleteQuerySchema.parse({ name: 'api', type: 'A' })).toEqual({ name: 'api', type: 'A' })
    expect(dnsDeleteQuerySchema.safeParse({ name: '', type: 'A' }).success).toBe(false)
  })
})
