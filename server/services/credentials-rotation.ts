import { decryptCredentials, encryptCredentials, type Keyring } from '../lib/credentials-crypto'

/** Re-encrypts each row not yet under the current key. A row no key opens stops the run. */
export async function rotateAll(
  ring: Keyring,
  rows: { id: string, credentialsCiphertext: string, credentialsKeyId: string }[],
  save: (id: string, ciphertext: string, keyId: string) => Promise<void>,
) {
  let rotated = 0
  let unchanged = 0
  for (const row of rows) {
    if (row.credentialsKeyId === ring.current.id) { unchanged++; continue }
    const plain = decryptCredentials(ring, row.id, row.credentialsCiphertext, row.credentialsKeyId)
    const next = encryptCredentials(ring, row.id, plain)
    await save(row.id, next.ciphertext, next.keyId)
    rotated++
  }
  return { rotated, unchanged }
}
