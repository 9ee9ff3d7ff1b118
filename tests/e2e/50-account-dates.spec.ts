/**
 * The account pages read the snake_case keys the API answers (created_at, last_used_at,
 * expires_at, last_seen_at, last_login_at): a key read under an old name shows up as
 * "never", "—" or "Invalid Date" instead of the date.
 */
import { expect, test, type Locator } from '@playwright/test'
import { ADMIN, ensureAdmin } from './helpers'

const cell = (row: Locator, i: number) => row.locator('td').nth(i)
/** A date and time as useFormat writes it ("Nov 30, 2026, 5:30 PM", "30 нояб. 2026 г., 17:30"), never "Invalid Date". */
const A_DATE = /\d{4}\D.*\d{1,2}:\d{2}/

test('tokens, sessions and users show their dates', async ({ page }) => {
  await ensureAdmin(page)
  const name = `e2e-dates-${Date.now()}`
  expect((await page.request.post('/api/tokens', { data: { name, expires_in_days: 30, scope: 'read' } })).status()).toBe(201)

  await page.goto('/account/tokens')
  const token = page.getByTestId('tokens-table').locator('tr', { hasText: name })
  await expect(cell(token, 3)).toHaveText(A_DATE)
  await expect(cell(token, 4)).toHaveText('—')
  await expect(cell(token, 5)).toHaveText(A_DATE)
  await expect(cell(token, 6)).toHaveText('Active')
  await expect(token.getByRole('button', { name: 'Revoke' })).toBeVisible()

  await page.goto('/account/security')
  const mine = page.getByTestId('session-row').filter({ hasText: 'This browser' })
  await expect(mine).toHaveCount(1)
  await expect(cell(mine, 2)).toHaveText(A_DATE)
  await expect(cell(mine, 3)).toHaveText(A_DATE)

  await page.goto('/users')
  const me = page.getByTestId('users-table').locator('tr', { hasText: ADMIN.email })
  await expect(me).toContainText(A_DATE)
  await expect(me).not.toContainText('never')
  await expect(me).not.toContainText('Invalid Date')
})
