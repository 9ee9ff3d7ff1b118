import { expect, test } from '@playwright/test'

/** The reference page renders our document with the script the app serves: nothing from outside. */
test('the API reference at /api/docs renders the OpenAPI document offline', async ({ page, baseURL }) => {
  const outside: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) outside.push(r.url())
  })
  const document = page.waitForResponse(r => r.url().endsWith('/api/openapi.json'))
  await page.goto('/api/docs')
  expect((await document).status()).toBe(200)
  await expect(page.getByText('Hosting panel API').first()).toBeVisible()
  // The first group is open; the others list their operations once opened.
  await expect(page.getByText('Who is calling').first()).toBeVisible()
  await page.getByText('Providers (seed API)').first().click()
  await expect(page.getByText('List provider accounts').first()).toBeVisible()
  expect(outside, `requests that left the app: ${outside.join(', ')}`).toEqual([])
})
