/**
 * Issue 15: a form says what is wrong next to the field it is about. Empty or malformed fields are
 * named before anything is sent; what only the server can judge (a name too long for the
 * database) comes back as details.issues and lands on that field, not as one raw sentence on top.
 * In Russian the same checks speak Russian.
 */
import { expect, test } from '@playwright/test'
import { ensureAdmin } from './helpers'

test('the user form names each field\'s problem on the field, before and after sending', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/users')
  await page.getByTestId('add-user').click()
  const dialog = page.getByTestId('user-dialog')

  let posted = 0
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/users')) posted++ })
  await page.getByTestId('user-save').click()
  await expect(page.getByTestId('user-name')).toContainText('Enter a name')
  await expect(page.getByTestId('user-email')).toContainText('Enter an email address')
  await expect(page.getByTestId('user-password')).toContainText('Enter a password')
  await page.getByTestId('user-email').locator('input').fill('not-an-email')
  await expect(page.getByTestId('user-email')).toContainText('Enter a valid email address')
  expect(posted).toBe(0)

  // The password field shows what was typed on request.
  const password = page.getByTestId('user-password').locator('input')
  await password.fill('a-long-enough-pass-phrase-42')
  await expect(password).toHaveAttribute('type', 'password')
  await page.getByTestId('user-password').getByTestId('password-visibility').click()
  await expect(password).toHaveAttribute('type', 'text')

  // Only the server knows names stop at 100 characters: its issue goes on the name field.
  await page.getByTestId('user-name').locator('input').fill('N'.repeat(101))
  await page.getByTestId('user-email').locator('input').fill(`long-name-${Date.now()}@example.com`)
  await page.getByTestId('user-save').click()
  await expect(page.getByTestId('user-name')).toContainText('100')
  await expect(dialog.getByTestId('user-form-error')).toHaveCount(0)
  expect(posted).toBe(1)
  // Typing again clears the field's message.
  await page.getByTestId('user-name').locator('input').fill('Nora Name')
  await expect(page.getByTestId('user-name')).not.toContainText('100')
})

test('in Russian, the sign-in form asks for its fields in Russian', async ({ page }) => {
  await page.context().addCookies([{ name: 'i18n_locale', value: 'ru', url: test.info().project.use.baseURL! }])
  await page.goto('/login')
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('login-email')).toContainText('Введите адрес электронной почты')
  await expect(page.getByTestId('login-password')).toContainText('Введите пароль')
  await expect(page.getByTestId('login-submit')).toHaveText('Войти')
})
