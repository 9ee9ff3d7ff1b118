/**
 * The DNS checks' sentences as codes and specifics (issue 15). The checks in this folder write
 * English; `describeDnsMessage` finds the template a sentence was made from and gives its `code`
 * and `params`, which the API sends beside the English `message` (record checks, zone-file
 * import) and the pages show as `dns.validation.<code>` in the reader's language. A sentence made
 * of others (`TXT value: …`, `www A: …`) has them as `inner`. tests/unit/dns/messages.test.ts holds
 * every template to the checks and to the message files.
 */

/** code → the English template, `{param}` for each specific. Specific templates before general ones. */
export const DNS_MESSAGES = {
  recordRequired: 'A record is required',
  typeUnsupported: 'Record type {type}: choose one of {types}',
  nameRequired: 'Name is required (use "@" for the domain itself)',
  cnameAtApex: 'A CNAME can\'t be at the domain itself (@), which always has SOA and NS records. Use an A/AAAA record, or a CNAME on a name like "www"',
  srvName: 'SRV name must start with the service and protocol, like "_sip._tcp" or "_sip._tcp.eu"',
  ttlRange: 'TTL must be a whole number of seconds from {min} (1 minute) to {max} (1 day)',
  priorityRequired: '{type} priority is required: a whole number from 0 to {max} (lower is tried first)',
  priorityRange: '{type} priority must be a whole number from 0 to {max}',
  priorityNotUsed: 'Priority only applies to MX and SRV records; leave it empty for {type} records',
  contentRequired: 'Content is required',
  cnameSelf: 'A CNAME can\'t point to its own name',
  mxWithNumber: 'MX content is only the mail server\'s host name: put the number in the priority field',
  nullMx: 'A null MX (".", meaning this domain accepts no mail) must have priority 0',
  txtTooLong: 'TXT value is too long: at most {max} bytes in all (this one is {total})',
  txtStringTooLong: 'Each quoted TXT string can be at most {max} bytes (string {n} is {length}): split it into several quoted strings, or remove the quotes to have it split automatically',
  cnameOnlyOne: '{name} already has a CNAME record; a name can have only one',
  cnameAlone: '{name} already has {types}; a CNAME must be the only record at its name',
  hasCname: '{name} has a CNAME record, so it can\'t have other records: remove the CNAME or use another name',
  exists: 'This {type} record already exists at {name}',
  alsoCname: '{name} also has a CNAME record; a name with a CNAME can\'t have any other records',
  cnameAloneList: 'A CNAME must be the only record at its name, but {name} also has {types}',
  manyCnames: '{name} has {count} CNAME records; a name can have only one',
  duplicate: 'Duplicate record: the same {type} record at {name} is listed twice (records {first} and {second})',
  nameInternational: 'Name: international names must be written in their xn-- (punycode) form',
  nameSpaces: 'Name can\'t contain spaces',
  nameRelativeInstead: 'Write the name relative to the domain: "{rel}" instead of "{value}"',
  nameRelative: 'Write the name relative to the domain, without a trailing dot (for example "www", or "@" for the domain itself)',
  nameInZone: 'Names are relative to {zone}: "{value}" would mean {full}. Write "{rel}" instead',
  nameAt: 'Name: "@" can only be used alone, for the domain itself',
  wildcardLeft: 'Name: "*" (wildcard) is only allowed as the leftmost part, like "*" or "*.dev"',
  wildcardAlone: 'Name: "*" (wildcard) must be a part on its own, like "*.dev", not mixed with other characters',
  nameTooLong: 'Name is too long: the full name must be at most {max} characters',
  labelEmpty: '{what} has an empty label (two dots in a row, or a dot at the start)',
  labelTooLong: '{what}: each part between dots must be at most {max} characters ("{start}\u2026" is {length})',
  labelHyphen: '{what}: "{label}" can\'t start or end with a hyphen',
  labelUnderscoreType: '{what}: "{label}" can\'t contain an underscore (_), because {type} records name hosts',
  labelUnderscore: '{what}: "{label}" can\'t contain an underscore (_), because it names a host',
  labelCharsUnderscore: '{what}: "{label}" may only contain letters, digits and hyphens (and underscores)',
  labelChars: '{what}: "{label}" may only contain letters, digits and hyphens',
  targetAt: '{what} can\'t be "@" here',
  targetRoot: '{what} can\'t be "." (the root)',
  targetInternational: '{what}: international names must be written in their xn-- (punycode) form',
  targetSpaces: '{what} can\'t contain spaces',
  targetTooLong: '{what} must be at most {max} characters long',
  targetFull: '{what} must be a full host name like "{example}"',
  ipv4Required: 'Enter an IPv4 address, like 192.0.2.1',
  ipv4Range: 'Enter a single IPv4 address, not a range or network (like 192.0.2.1)',
  ipv4IsV6: 'That looks like an IPv6 address: use an AAAA record for it',
  ipv4Parts: 'An IPv4 address has four numbers separated by dots, like 192.0.2.1',
  ipv4Zeros: 'IPv4 numbers can\'t have leading zeros (write 10.0.0.1, not 010.000.000.001)',
  ipv4Numbers: 'Each of the four numbers of an IPv4 address must be from 0 to 255, like 192.0.2.1',
  ipv6Required: 'Enter an IPv6 address, like 2001:db8::1',
  ipv6IsV4: 'That is an IPv4 address: use an A record for it',
  ipv6Network: 'Enter a single IPv6 address, not a network (like 2001:db8::1)',
  ipv6Zone: 'Enter an IPv6 address without a zone index (%\u2026)',
  ipv6Invalid: 'Enter a valid IPv6 address, like 2001:db8::1 (eight groups of up to four hex digits; "::" may replace one run of zeros)',
  escapeByte: '"\\{digits}" is not a valid escape: \\DDD must be a byte from 000 to 255',
  escapeTrailing: 'a backslash (\\) at the end of a quoted string must be escaped as \\\\',
  txtRequired: 'TXT value is required',
  txtControl: 'TXT text can\'t contain line breaks, tabs or other control characters (in a quoted string, write them as \\DDD escapes)',
  txtQuotes: 'TXT text with quotes must be written as complete quoted strings, like "part one" "part two" (text outside the quotes is not allowed)',
  txtUnclosed: 'TXT value has an unclosed quote ("): every quoted string needs a closing quote, and quotes inside must be written \\"',
  txtControlEscapes: 'TXT text can\'t contain line breaks, tabs or other control characters (write them as \\DDD escapes)',
  txtInner: 'TXT value: {inner}',
  srvRequired: 'SRV content is required: "weight port target", like "5 5060 sip.example.com"',
  srvPriority: 'SRV content is "weight port target": put the first number (the priority) in the priority field',
  srvShape: 'SRV content must be "weight port target", like "5 5060 sip.example.com"',
  srvWeight: 'SRV weight must be a whole number from 0 to 65535',
  srvPort: 'SRV port must be a whole number from 0 to 65535',
  caaIodef: 'CAA iodef value must be a mailto: or http(s):// address where CAs report problems, like "mailto:security@example.com"',
  caaDomain: '{inner} (the certificate authority\'s domain, like "letsencrypt.org")',
  caaParam: 'CAA {tag} parameter "{param}" must look like key=value',
  caaShape: 'CAA content must be "flags tag \\"value\\"", like 0 issue "letsencrypt.org"',
  caaFlags: 'CAA flags must be a whole number from 0 to 255 (usually 0; 128 marks the record critical)',
  caaTag: 'CAA tag "{tag}" is not supported: use issue, issuewild or iodef',
  caaQuoted: 'CAA value must be one string in double quotes, like 0 {tag} "letsencrypt.org"',
  caaInner: 'CAA value: {inner}',
  zoneNameMissing: 'a name is missing',
  zoneNameQuoted: 'the name "{name}" uses quotes or escapes, which are not supported',
  zoneDataShape: '{type} data must be "{shape}" (found {count} item)',
  zoneDataShapeMany: '{type} data must be "{shape}" (found {count} items)',
  zoneTxtMissing: 'TXT data is missing',
  zoneOrigin: '$ORIGIN needs exactly one domain name',
  zoneOwner: 'Owner name: {inner}',
  zoneRecord: '{owner} {rtype}: {inner}',
  typeNotSupported: 'Record type "{type}" is not supported: choose one of {types}',
  typeRequired: 'Record type is required: choose one of {types}',
  zoneTtl: '$TTL needs one TTL, like 3600 or 1h',
  zoneDirective: '{directive} is not supported: paste the included or generated records themselves',
  zoneNoPrevious: 'This line starts with a space, so it repeats the previous name, but there is none',
  zoneClass: 'Only the IN class is supported (this record is {klass})',
  zoneType: 'Record type {type} is not supported (supported: {types})',
  zoneOutside: '{owner} is outside the zone {zone}',
  zoneNoTtl: 'No TTL: give one on the record or add a $TTL line at the top',
  zoneParenClose: 'Closing parenthesis ")" without an opening one',
  zoneQuote: 'Quoted string is not closed on the same line',
  zoneParenOpen: 'Opening parenthesis "(" is never closed',
  notARecord: 'Not a DNS record: expected "name TTL class type value", like "www 3600 IN A 203.0.113.10"',
} as const
export type DnsMessageCode = keyof typeof DNS_MESSAGES

/** What `{what}` can be (a field's name in the sentence): its message key under dns.validation.what. */
export const DNS_WHAT: Record<string, string> = {
  'Name': 'name',
  'CNAME target': 'cnameTarget',
  'Name server': 'nameServer',
  'Mail server': 'mailServer',
  'SRV target': 'srvTarget',
  'CAA issue value': 'caaIssue',
  'CAA issuewild value': 'caaIssuewild',
}

export interface DnsMessage { code: DnsMessageCode, params: Record<string, string> }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const NUMBER = '\\d+'
/** What a specific may look like where "anything" would make templates overlap. */
const PARAM_PATTERNS: Record<string, string> = {
  what: `(?:${Object.keys(DNS_WHAT).map(escape).join('|')}|CAA \\S+ value)`,
  owner: '\\S+', rtype: '[A-Z0-9]+', type: '[A-Za-z0-9-]*', label: '[^"]*', tag: '[^\\s"]+',
  min: NUMBER, max: NUMBER, length: NUMBER, count: NUMBER, n: NUMBER, first: NUMBER, second: NUMBER, total: NUMBER,
}

const MATCHERS = (Object.entries(DNS_MESSAGES) as [DnsMessageCode, string][]).map(([code, template]) => {
  const names: string[] = []
  const source = template.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return escape(part)
    names.push(part)
    return `(${PARAM_PATTERNS[part] ?? '[\\s\\S]+?'})`
  }).join('')
  return { code, names, re: new RegExp(`^${source}$`) }
})

/** The code and specifics an English DNS sentence was made from, or null for one this catalog lacks. */
export function describeDnsMessage(english: string): DnsMessage | null {
  for (const { code, names, re } of MATCHERS) {
    const m = re.exec(english)
    if (m) return { code, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) }
  }
  return null
}

/** An error with its sentence's code and specifics added, where the catalog knows the sentence. */
export function withMessageCode<T extends { message: string }>(e: T): T & Partial<DnsMessage> {
  const d = describeDnsMessage(e.message)
  return d ? { ...e, ...d } : e
}

/** The English sentence of a code (what describeDnsMessage reverses). */
export function dnsMessageText(code: DnsMessageCode, params: Record<string, string | number> = {}): string {
  return DNS_MESSAGES[code].replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? `{${n}}`))
}
