import { expect, test, type Page } from '@playwright/test'
import { ensureAdmin, fillStable, shot, signIn } from './helpers'

/** Collects what the browser says about Content-Security-Policy, so a blocked script fails the test. */
function watchCsp(page: Page) {
  const violations: string[] = []
  page.on('console', (m) => { if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) violations.push(m.text()) })
  page.on('pageerror', (e) => { if (/Content Security Policy|unsafe-eval/i.test(e.message)) violations.push(e.message) })
  return violations
}

test('the audit page shows a failed and a successful sign-in with their IP, and filters them', async ({ page }) => {
  const csp = watchCsp(page)
  await ensureAdmin(page)
  const customer = { name: 'Audrey Audit', email: `audrey-${Date.now()}@example.com`, password: 'audrey-password-123' }
  expect((await page.request.post('/api/users', { data: { ...customer, role: 'customer' } })).status()).toBe(201)

  // Sign out, then a wrong password, then the right one, all through the sign-in form.
  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await expect(page).toHaveURL(/\/login/)
  await page.waitForLoadState('networkidle')
  await fillStable(page.getByTestId('login-email').locator('input'), customer.email)
  await fillStable(page.getByTestId('login-password').locator('input'), 'not-my-password')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('form-error')).toContainText('Wrong email or password')
  await fillStable(page.getByTestId('login-password').locator('input'), customer.password)
  await page.getByTestId('login-submit').click()
  await expect(page).not.toHaveURL(/\/login/)
  // Customers have no audit page: the app sends them home, the API says 403.
  expect((await page.request.get('/api/audit')).status()).toBe(403)
  await page.context().clearCookies()

  await signIn(page)
  await page.goto('/audit')
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
  await fillStable(page.getByTestId('audit-filter-target').locator('input'), customer.email)
  const rows = page.locator('[data-audit-row]')
  const failed = rows.filter({ has: page.getByTestId('audit-result').getByText('failed') }).filter({ hasText: 'auth.login' })
  const ok = rows.filter({ has: page.getByTestId('audit-result').getByText('ok') }).filter({ hasText: 'auth.login' })
  await expect(failed).toHaveCount(1)
  await expect(ok).toHaveCount(1)
  await expect(failed.getByTestId('audit-actor')).toHaveText('anonymous')
  await expect(failed).toContainText('invalid credentials')
  await expect(ok.getByTestId('audit-actor')).toContainText(customer.email)
  for (const r of [failed, ok]) await expect(r.getByTestId('audit-ip')).toHaveText(/\d+\.\d+\.\d+\.\d+|::/)
  await shot(page, 'audit')

  // Only failures.
  await page.getByTestId('audit-filter-result').click()
  await page.getByRole('option', { name: 'Failed' }).click()
  await expect(ok).toHaveCount(0)
  await expect(failed).toHaveCount(1)
  await expect(page).toHaveURL(/result=failure/)

  // Nothing matches a day long past: the empty state says so and clears the filters.
  await page.getByTestId('audit-filter-to').locator('input').fill('2001-01-01')
  await expect(page.getByTestId('audit-empty')).toContainText('No entries match')
  await page.getByTestId('audit-empty').getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows.first()).toBeVisible()

  await page.setViewportSize({ width: 390, height: 844 })
  await fillStable(page.getByTestId('audit-filter-target').locator('input'), customer.email)
  await expect(ok).toHaveCount(1)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(1)
  await shot(page, 'audit-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'audit-mobile-dark')

  expect(csp, csp.join('\n')).toEqual([])
})

test('pages hydrate under the Content-Security-Policy without violations', async ({ page }) => {
  const csp = watchCsp(page)
  await ensureAdmin(page)
  for (const path of ['/', '/servers', '/providers', '/users', '/account/tokens', '/audit']) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  // Hydrated: a client-side navigation through the drawer works.
  await page.getByRole('link', { name: 'Users' }).click()
  await expect(page).toHaveURL(/\/users/)
  await expect(page.getByTestId('users-table')).toBeVisible()
  expect(csp, csp.join('\n')).toEqual([])
})
