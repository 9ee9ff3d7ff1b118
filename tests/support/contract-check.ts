/**
 * After each test file: no request an adapter sent and no answer a simulator gave broke the
 * providers' OpenAPI files beyond the deviations listed in sandbox/contract/deviations.ts.
 * Covers sandboxes started in the test process and, in the server suite, the shared one.
 */
import { afterAll, expect, inject } from 'vitest'
import { contractSettled, contractViolations } from '../../sandbox/server'

afterAll(async () => {
  await contractSettled()
  const seen = [...contractViolations]
  contractViolations.length = 0
  let sharedUrl: string | undefined
  try { sharedUrl = inject('sandboxUrl' as never) as string | undefined }
  catch { /* the unit suite has no shared sandbox */ }
  if (sharedUrl) {
    const res = await fetch(`${sharedUrl}/__sandbox/contract`)
    seen.push(...await res.json() as typeof seen)
    await fetch(`${sharedUrl}/__sandbox/contract`, { method: 'DELETE' })
  }
  expect(seen.map(v => `${v.provider} ${v.method} ${v.path} [${v.kind}${v.status ? ` ${v.status}` : ''}] ${v.message}`), 'contract violations (see sandbox/contract/deviations.ts)').toEqual([])
})
