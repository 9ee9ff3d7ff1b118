import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SSH_KEYGEN = '/usr/bin/ssh-keygen'

export interface GeneratedKey {
  pub: string
  priv: string
  /** Parsed from `ssh-keygen -lf k.pub`: "2048 SHA256:xxxx comment (RSA)". */
  bits: number
  fingerprint: string
  comment: string
  label: string
  path: string
}

export function makeTmpDir(): { dir: string, cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ssh-core-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function parseKeygenList(out: string): { bits: number, fingerprint: string, comment: string, label: string } {
  const m = /^(\d+) (SHA256:[A-Za-z0-9+/]+) (.*) \(([A-Z0-9-]+)\)$/.exec(out.trim())
  if (!m) throw new Error(`unexpected ssh-keygen -l output: ${out}`)
  return { bits: Number(m[1]), fingerprint: m[2], comment: m[3], label: m[4] }
}

export function generateKey(dir: string, name: string, args: string[], comment: string, extra: string[] = []): GeneratedKey {
  const path = join(dir, name)
  execFileSync(SSH_KEYGEN, ['-q', ...args, '-N', '', '-C', comment, '-f', path, ...extra], { stdio: 'pipe' })
  const list = parseKeygenList(execFileSync(SSH_KEYGEN, ['-lf', `${path}.pub`], { encoding: 'utf8' }))
  return { pub: readFileSync(`${path}.pub`, 'utf8'), priv: readFileSync(path, 'utf8'), path, ...list }
}

export function keygen(args: string[]): string {
  return execFileSync(SSH_KEYGEN, args, { encoding: 'utf8' })
}

// --- wire-format helpers for crafting blobs --------------------------------

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

export function sshString(v: string | Buffer | Uint8Array): Buffer {
  const b = typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from(v)
  return Buffer.concat([u32(b.length), b])
}

export function blob(...parts: (string | Buffer | Uint8Array)[]): Buffer {
  return Buffer.concat(parts.map(sshString))
}

/** Splits "type base64 comment" into its decoded blob. */
export function blobOf(pubLine: string): Buffer {
  return Buffer.from(pubLine.trim().split(/\s+/)[1], 'base64')
}
