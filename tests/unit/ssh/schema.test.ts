import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sshKeyCreateSchema, sshKeyInputSchema, validateSshKeyInput } from '../../../shared/ssh'
import { generateKey, makeTmpDir, type GeneratedKey } from './helpers'

const tmp = makeTmpDir()
afterAll(() => tmp.cleanup())
let k: GeneratedKey
let bare: GeneratedKey
beforeAll(() => {
  k = generateKey(tmp.dir, 'k', ['-t', 'ed25519'], 'jane@laptop')
  bare = generateKey(tmp.dir, 'bare', ['-t', 'ed25519'], '')
})

describe('sshKeyInputSchema', () => {
  it('checks the shape only', () => {
    expect(sshKeyInputSchema.safeParse({ public_key: 'x' }).success).toBe(true)
    expect(sshKeyInputSchema.safeParse({ name: 1, public_key: 'x' }).success).toBe(false)
    expect(sshKeyInputSchema.safeParse({ public_key: '' }).success).toBe(false)
    expect(sshKeyInputSchema.safeParse({ name: 'a'.repeat(101), public_key: 'x' }).success).toBe(false)
  })
})

describe('sshKeyCreateSchema', () => {
  it('parses the key and defaults the name to the comment', async () => {
    const out = await sshKeyCreateSchema.parseAsync({ public_key: k.pub })
    expect(out.name).toBe('jane@laptop')
    expect(out.key.fingerprint).toBe(k.fingerprint)
  })

  it('keeps a given name (trimmed); blank name falls back', async () => {
    expect((await sshKeyCreateSchema.parseAsync({ name: '  Work  ', public_key: k.pub })).name).toBe('Work')
    expect((await sshKeyCreateSchema.parseAsync({ name: '   ', public_key: k.pub })).name).toBe('jane@laptop')
  })

  it('derives a name from the fingerprint when there is no comment', async () => {
    const out = await sshKeyCreateSchema.parseAsync({ public_key: bare.pub })
    expect(out.name).toBe(`ED25519 key ${bare.fingerprint.slice(0, 15)}`)
  })

  it('reports a bad key as an issue on public_key', async () => {
    const r = await sshKeyCreateSchema.safeParseAsync({ public_key: k.priv })
    expect(r.success).toBe(false)
    const issue = r.error!.issues[0]
    expect(issue.path).toEqual(['public_key'])
    expect(issue.message).toMatch(/private key/)
    expect((issue as { params?: Record<string, unknown> }).params).toMatchObject({ code: 'private_key', isPrivateKey: true })
  })
})

describe('validateSshKeyInput', () => {
  it('returns the value on success', async () => {
    const r = await validateSshKeyInput({ name: 'x', public_key: k.pub })
    expect(r).toMatchObject({ ok: true, value: { name: 'x', key: { fingerprint: k.fingerprint } } })
  })

  it('returns field errors', async () => {
    expect(await validateSshKeyInput({ public_key: k.priv })).toMatchObject({ ok: false, field: 'public_key', code: 'private_key', isPrivateKey: true })
    expect(await validateSshKeyInput({ name: 'a'.repeat(200), public_key: k.pub })).toMatchObject({ ok: false, field: 'name' })
    expect(await validateSshKeyInput(null)).toMatchObject({ ok: false, field: null })
  })
})
