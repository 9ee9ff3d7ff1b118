import { describe, expect, it } from 'vitest'
import { buildKeyring, decryptCredentials, encryptCredentials, generateKey, keyId, maskSecret, parseKey } from '../../server/lib/credentials-crypto'
import { rotateAll } from '../../server/services/credentials-rotation'

const creds = { api_key: 'super-secret-api-key-123', api_secret: 's3cr3t' }

describe('credential encryption', () => {
  it('round-trips and never holds the plaintext', () => {
    const ring = buildKeyring(generateKey())
    const enc = encryptCredentials(ring, 'acc-1', creds)
    expect(enc.keyId).toBe(ring.current.id)
    expect(Buffer.from(enc.ciphertext, 'base64').toString('latin1')).not.toContain('super-secret')
    expect(decryptCredentials(ring, 'acc-1', enc.ciphertext, enc.keyId)).toEqual(creds)
    // A fresh IV each time: the same secret never encrypts to the same bytes.
    expect(encryptCredentials(ring, 'acc-1', creds).ciphertext).not.toBe(enc.ciphertext)
  })

  it('detects tampering and refuses a ciphertext moved to another account', () => {
    const ring = buildKeyring(generateKey())
    const enc = encryptCredentials(ring, 'acc-1', creds)
    const bytes = Buffer.from(enc.ciphertext, 'base64')
    bytes[bytes.length - 1]! ^= 0x01
    expect(() => decryptCredentials(ring, 'acc-1', bytes.toString('base64'), enc.keyId)).toThrow(/integrity/)
    const tag = Buffer.from(enc.ciphertext, 'base64')
    tag[14]! ^= 0xff
    expect(() => decryptCredentials(ring, 'acc-1', tag.toString('base64'), enc.keyId)).toThrow(/integrity/)
    expect(() => decryptCredentials(ring, 'acc-2', enc.ciphertext, enc.keyId)).toThrow(/integrity/)
  })

  it('rotates every row to the new key, after which the old key is not needed', async () => {
    const oldKey = generateKey()
    const newKey = generateKey()
    const oldRing = buildKeyring(oldKey)
    const rows = ['a', 'b'].map(id => ({ id, ...(() => { const e = encryptCredentials(oldRing, id, { api_key: `key-${id}` }); return { credentialsCiphertext: e.ciphertext, credentialsKeyId: e.keyId } })() }))
    const rotating = buildKeyring(newKey, [oldKey])
    const saved = new Map<string, { ciphertext: string, keyId: string }>()
    const res = await rotateAll(rotating, rows, async (id, ciphertext, kid) => { saved.set(id, { ciphertext, keyId: kid }) })
    expect(res).toEqual({ rotated: 2, unchanged: 0 })
    const newOnly = buildKeyring(newKey)
    for (const id of ['a', 'b']) {
      const s = saved.get(id)!
      expect(s.keyId).toBe(keyId(parseKey(newKey)))
      expect(decryptCredentials(newOnly, id, s.ciphertext, s.keyId)).toEqual({ api_key: `key-${id}` })
    }
    // Without the old key in the ring the old rows cannot be read: rotation really was needed.
    expect(() => decryptCredentials(newOnly, 'a', rows[0]!.credentialsCiphertext, rows[0]!.credentialsKeyId)).toThrow(/not in the keyring/)
  })

  it('rejects keys that are not 32 bytes and masks secrets to the last 4 characters', () => {
    expect(() => parseKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/)
    expect(maskSecret('abcdefgh1234')).toBe('••••1234')
    expect(maskSecret('abc')).toBe('••••')
    expect(maskSecret('')).toBeNull()
  })
})
