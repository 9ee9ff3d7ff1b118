/**
 * Purchase review: a create whose answer was lost (an HTML page from the provider) and that no
 * evidence ties to a server ends in review; an admin reads it on a phone, and states that
 * nothing was created (after a confirmation). The e2e app shortens the engine's deadline.
 */
import { expect, test } from '@playwright/test'
import { SANDBOX_ORIGIN, ensureAdmin, hydrated, shot } from './helpers'

test('an admin decides a create in review from the review page, on a phone', async ({ page, browser }) => {
  // Re-checks back off, and the minute sweep is the backstop: on a loaded 2-core CI machine the
  // review state can take most of a minute to arrive.
  test.setTimeout(180_000)
  await ensureAdmin(page)
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)
  const fault = await page.request.post(`${SANDBOX_ORIGIN}/__sandbox/faults`, { data: { provider: 'hostinger', html: true, method: 'POST', path: '/api/vps/v1/virtual-machines', count: 1 } })
  expect(fault.ok()).toBe(true)
  const hostname = `review-${Date.now().toString(36)}.example.com`
  let intentId = ''
  try {
    const r = await page.request.post('/api/servers', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      data: { account: 'hostinger', plan: 'hostingercom-vps-kvm1-usd-1m', data_center_id: '19', template: '1077', password: 'Sandb0x-Passw0rd', hostname },
    })
    expect(r.status()).toBe(202)
    intentId = (await r.json()).intent.id
  }
  finally { await page.request.delete(`${SANDBOX_ORIGIN}/__sandbox/faults?provider=hostinger`) }
  await expect.poll(async () => (await (await page.request.get(`/api/admin/intents/${intentId}`)).json()).state, { timeout: 120_000 }).toBe('needs_review')

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await page.context().storageState() })
  const phone = await ctx.newPage()
  await phone.goto(`/admin/intents?id=${intentId}`)
  const card = phone.getByTestId(`intent-${intentId}`)
  await expect(card).toContainText(hostname)
  await expect(card).toContainText('No candidate was found upstream')
  await shot(phone, 'exactly-once-review-mobile')
  await hydrated(phone)
  await card.getByTestId('intent-nothing').click()
  await phone.getByTestId('nothing-confirm').click()
  await expect(card).toHaveCount(0)
  expect((await (await page.request.get(`/api/admin/intents/${intentId}`)).json()).state).toBe('failed')
  await ctx.close()
})
