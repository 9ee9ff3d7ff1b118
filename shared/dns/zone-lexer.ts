/**
 * Splits master-file (BIND zone file, RFC 1035 §5) text into entries: one per logical line, with
 * comments removed and parenthesised continuations joined. Quoted strings stay one token (their
 * text is kept raw, escapes included) so TXT/CAA data keeps its spaces and semicolons.
 */

export interface ZoneToken {
  /** Raw text; for quoted tokens, what is between the quotes, escapes not yet decoded. */
  text: string
  quoted: boolean
}

export interface ZoneEntry {
  /** 1-based line where the entry starts. */
  line: number
  /** Starts with a space or tab: the owner name is omitted (it repeats the previous one). */
  indented: boolean
  tokens: ZoneToken[]
}

/** `code`/`params`: the sentence for pages that translate (shared/dns/messages.ts), added by importZone. */
export interface ZoneLineError { line: number, message: string, code?: string, params?: Record<string, string> }

export function lexZone(text: string): { entries: ZoneEntry[], errors: ZoneLineError[] } {
  const entries: ZoneEntry[] = []
  const errors: ZoneLineError[] = []
  let line = 1
  let depth = 0
  let entry: ZoneEntry | null = null
  let i = 0
  const finish = () => {
    if (entry && entry.tokens.length > 0) entries.push(entry)
    entry = null
  }

  while (i < text.length) {
    const ch = text[i]
    if (!entry) entry = { line, indented: ch === ' ' || ch === '\t', tokens: [] }

    if (ch === '\n') {
      line++
      i++
      if (depth === 0) finish()
      continue
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') { i++; continue }
    if (ch === ';') {
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    if (ch === '(') { depth++; i++; continue }
    if (ch === ')') {
      if (depth === 0) errors.push({ line, message: 'Closing parenthesis ")" without an opening one' })
      else depth--
      i++
      continue
    }
    if (ch === '"') {
      let j = i + 1
      let inner = ''
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') {
        if (text[j] === '\\' && j + 1 < text.length && text[j + 1] !== '\n') { inner += text.slice(j, j + 2); j += 2 }
        else { inner += text[j]; j++ }
      }
      if (text[j] !== '"') {
        errors.push({ line, message: 'Quoted string is not closed on the same line' })
        i = j
        continue
      }
      entry.tokens.push({ text: inner, quoted: true })
      i = j + 1
      continue
    }
    // A plain token: up to the next space, comment, parenthesis or quote; "\X" never ends it.
    let j = i
    let raw = ''
    while (j < text.length && !/[\s;()"]/.test(text[j])) {
      if (text[j] === '\\' && j + 1 < text.length && text[j + 1] !== '\n') { raw += text.slice(j, j + 2); j += 2 }
      else { raw += text[j]; j++ }
    }
    entry.tokens.push({ text: raw, quoted: false })
    i = j
  }
  if (depth > 0) {
    // The unfinished entry is dropped: its data may have swallowed the records after it.
    const open = entry as ZoneEntry | null
    errors.push({ line: open?.line ?? line, message: 'Opening parenthesis "(" is never closed' })
  }
  else finish()
  return { entries, errors }
}
