/**
 * The language switch: Russian at once on the page (and in <html lang>), still Russian after a
 * reload, and saved on the account, so signing in on another browser opens in Russian too.
 * Nothing on the console meanwhile (no hydration mismatch between the server's words and ours).
 */
import { expect, test, type Page } from '@playwright/test'
import { ensureAdmin, signIn } from './helpers'

function consoleProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()} on ${new URL(page.url()).pathname}: ${m.text()}`)
  })
  page.on('pageerror', e => problems.push(`uncaught: ${e.message}`))
  return problems
}

const nav = (page: Page) => page.getByRole('navigation', { name: /Main|Главное меню/ })

test('switching to Russian changes the page, survives a reload and follows the account', async ({ page, browser }) => {
  const problems = consoleProblems(page)
  await ensureAdmin(page)
  await expect(nav(page).getByRole('link', { name: 'Servers' })).toBeVisible()
  try {
    await page.getByTestId('language-menu').click()
    await page.getByTestId('language-ru').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
    await expect(nav(page).getByRole('link', { name: 'Серверы' })).toBeVisible()
    await expect.poll(async () => (await (await page.request.get('/api/auth/me')).json()).user.locale).toBe('ru')

    // The server renders Russian too: the first HTML already has it.
    const html = await (await page.request.get('/servers')).text()
    expect(html).toContain('lang="ru"')
    await page.reload()
    await expect(nav(page).getByRole('link', { name: 'Серверы' })).toBeVisible()

    // Another browser: no language cookie, English at the sign-in page, Russian once signed in.
    const other = await browser.newContext({ locale: 'en-US' })
    const second = await other.newPage()
    const secondProblems = consoleProblems(second)
    await signIn(second)
    await expect(second.locator('html')).toHaveAttribute('lang', 'ru')
    await expect(nav(second).getByRole('link', { name: 'Серверы' })).toBeVisible()
    await other.close()
    expect(secondProblems).toEqual([])
  }
  finally {
    // Other specs sign in as this admin and read English.
    await page.request.patch('/api/auth/me', { data: { locale: 'en' } })
  }
  await page.getByTestId('language-menu').click()
  await page.getByTestId('language-en').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(nav(page).getByRole('link', { name: 'Servers' })).toBeVisible()
  expect(problems).toEqual([])
})
