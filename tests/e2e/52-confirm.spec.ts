/**
 * What is hard to undo asks first and says what will happen: revoking an API token, removing a
 * provider account. A cancel changes nothing (checked through the API), a yes does it.
 */
import { expect, test } from '@playwright/test'
import { SANDBOX_ORIGIN, ensureAdmin, shot } from './helpers'

const RUN = Date.now().toString(36)

test('revoking an API token asks first; a cancel keeps it working', async ({ page }) => {
  await ensureAdmin(page)
  const name = `e2e-revoke-${RUN}`
  expect((await page.request.post('/api/tokens', { data: { name, expires_in_days: 30, scope: 'read' } })).status()).toBe(201)
  const revokedAt = async () => ((await (await page.request.get('/api/tokens')).json()) as { name: string, revoked_at: string | null }[]).find(t => t.name === name)!.revoked_at

  await page.goto('/account/tokens')
  const row = page.getByTestId('tokens-table').locator('tr', { hasText: name })
  await row.getByRole('button', { name: 'Revoke' }).click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText(`Revoke ${name}?`)
  await expect(confirm).toContainText('Scripts using it stop working at once')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  expect(await revokedAt()).toBeNull()

  await row.getByRole('button', { name: 'Revoke' }).click()
  await confirm.getByTestId('confirm-button').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: `Token "${name}" revoked` })).toBeVisible()
  await expect.poll(revokedAt).not.toBeNull()
})

test('removing a provider account asks first and says what the panel forgets', async ({ page }) => {
  await ensureAdmin(page)
  const slug = `e2e-rm-${RUN}`
  const made = await page.request.post(`/api/hosting/providers/${slug}/configure`, {
    data: { type: 'virtua', display_name: `Throwaway ${RUN}`, api_key: 'virtua-sandbox-key-0001', extra: { base_url: `${SANDBOX_ORIGIN}/virtua` } },
  })
  expect(made.status(), await made.text()).toBeLessThan(300)
  const listed = async () => ((await (await page.request.get('/api/hosting/providers')).json()) as { slug: string }[]).some(a => a.slug === slug)
  expect(await listed()).toBe(true)

  await page.goto('/providers')
  await page.getByTestId(`remove-${slug}`).click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('forgets its servers, zones and domains')
  await expect(confirm).toContainText('Nothing is deleted at the provider')
  await shot(page, 'provider-remove-confirm')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  expect(await listed()).toBe(true)

  await page.getByTestId(`remove-${slug}`).click()
  await confirm.getByTestId('confirm-button').click()
  await expect(page.getByTestId(`remove-${slug}`)).toHaveCount(0)
  await expect.poll(listed).toBe(false)
})
