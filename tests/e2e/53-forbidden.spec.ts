/**
 * A customer opening an admin page is told so (the 403 page, with a link back to the dashboard),
 * not silently sent elsewhere: status 403 on a full load, the same page on a client-side
 * navigation. A page that does not exist says so with a 404, its page rendered as well.
 */
import { expect, test, type Page } from '@playwright/test'
import { ensureAdmin, signIn } from './helpers'

const RUN = Date.now().toString(36)
const CUSTOMER = { name: 'Fran Forbidden', email: `forbidden-${RUN}@example.com`, password: 'forbidden-pass-123' }
const SENTENCE = 'You do not have access to this page'

/** The Nuxt app's router push, as a link click does it (no reload); a refused navigation is the page's to show. */
const clientNavigate = (page: Page, url: string) => page.evaluate(async (to) => {
  const app = (document.querySelector('#__nuxt') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push: (to: string) => Promise<unknown> } } } } }).__vue_app__
  await app.config.globalProperties.$router.push(to).catch(() => undefined)
}, url)

test('a customer on an admin page gets the 403 page, on a full load and on a client-side navigation', async ({ page }) => {
  await ensureAdmin(page)
  expect((await page.request.post('/api/users', { data: { ...CUSTOMER, role: 'customer' } })).status()).toBe(201)
  await page.context().clearCookies()
  await signIn(page, CUSTOMER)

  for (const path of ['/providers', '/users', '/audit']) {
    const res = await page.goto(path)
    expect(res!.status(), `${path} on a full load`).toBe(403)
    await expect(page.getByTestId('error-403')).toContainText(SENTENCE)
    await expect(page).toHaveURL(new RegExp(`${path}$`))
  }
  // The way back is a link to the dashboard.
  const back = page.getByRole('link', { name: 'Back to the dashboard' })
  await expect(back).toHaveAttribute('href', '/')
  await back.click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('error-403')).toHaveCount(0)

  // From the dashboard, in the same tab: the same page, at the admin page's address.
  await clientNavigate(page, '/providers')
  await expect(page.getByTestId('error-403')).toContainText(SENTENCE)
  await expect(page).toHaveURL(/\/providers$/)
  await page.getByRole('link', { name: 'Back to the dashboard' }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('error-403')).toHaveCount(0)
  await page.goBack()
  await expect(page).toHaveURL(/\/providers$/)
  await expect(page.getByTestId('error-403')).toContainText(SENTENCE)
})

test('an admin opens the same page; a page that does not exist is a rendered 404', async ({ page }) => {
  await ensureAdmin(page)
  expect((await page.goto('/providers'))!.status()).toBe(200)
  await expect(page.getByTestId('error-403')).toHaveCount(0)
  const missing = await page.goto('/no-such-page')
  expect(missing!.status()).toBe(404)
  await expect(page.getByTestId('error-404')).toContainText('Page not found')
})
