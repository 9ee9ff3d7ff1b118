/**
 * Sentences made outside the page come out in Russian on a Russian page (issue 15): a DNS check's
 * message in the record dialog, a provider's capability note in the matrix, a connection test's
 * outcome. The API sends them as codes with specifics beside the English.
 */
import { expect, test, type Page } from '@playwright/test'
import { SANDBOX_ORIGIN, ensureAdmin } from './helpers'

test.describe.configure({ mode: 'serial' })

const HOSTINGER_KEY = 'hostinger-sandbox-token-0001'
const domain = `e2e-ru-${Date.now().toString(36)}.com`

async function russian(page: Page) {
  await page.context().addCookies([{ name: 'i18n_locale', value: 'ru', url: test.info().project.use.baseURL! }])
}

/** The sandbox accounts, and a Hostinger domain of our own: its account's slug. */
async function prepare(page: Page, withDomain = true): Promise<string> {
  type Account = { slug: string, type: string, settings: Record<string, unknown> }
  const find = async () => ((await (await page.request.get('/api/hosting/providers')).json()) as Account[])
    .find(a => a.type === 'hostinger' && String(a.settings.base_url ?? '').startsWith(SANDBOX_ORIGIN))
  let account = await find()
  if (!account) {
    await page.request.post('/api/hosting/sandbox/connect')
    account = await find()
  }
  if (!withDomain) return account!.slug
  const res = await page.request.post(`${SANDBOX_ORIGIN}/hostinger/api/domains/v1/portfolio`, {
    headers: { authorization: `Bearer ${HOSTINGER_KEY}` },
    data: { domain, item_id: 'hostingercom-domain-com-usd-1y' },
  })
  expect(res.ok()).toBe(true)
  return account!.slug
}

test('the DNS editor in Russian says what is wrong with a record in Russian', async ({ page }) => {
  await ensureAdmin(page)
  const slug = await prepare(page)
  await russian(page)
  await page.goto(`/dns/${slug}/${domain}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByTestId('dns-zone-title')).toHaveText(domain)
  await page.getByTestId('dns-add-record').click()
  const dialog = page.getByTestId('dns-record-dialog')
  await dialog.getByTestId('record-type').click()
  await page.getByRole('option', { name: 'MX', exact: true }).click()
  await dialog.getByTestId('record-name').locator('input').fill('@')
  await dialog.getByTestId('record-priority').locator('input').fill('15')
  await dialog.getByTestId('record-content').locator('input').fill('mail')
  await dialog.getByTestId('record-save').click()
  await expect(dialog).toContainText('Почтовый сервер должно быть полным именем хоста, например «mail.example.com»')
  await dialog.getByTestId('record-type').click()
  await page.getByRole('option', { name: 'A', exact: true }).click()
  await dialog.getByTestId('record-name').locator('input').fill('www')
  await dialog.getByTestId('record-content').locator('input').fill('999.1.1.1')
  await expect(dialog).toContainText('Каждое из четырёх чисел адреса IPv4 — от 0 до 255')
  await expect(dialog).not.toContainText('Each of the four numbers')
})

test('the providers page in Russian shows the capability notes and the connection test in Russian', async ({ page }) => {
  await ensureAdmin(page)
  const slug = await prepare(page, false)
  await russian(page)
  await page.goto('/providers')
  const matrix = page.getByTestId('capability-matrix')
  await expect(matrix).toBeVisible()
  // The columns follow the provider kinds; Inferno's cannot suspend, and its note says why.
  const heads = await matrix.locator('thead th').allInnerTexts()
  const col = heads.findIndex(h => h.trim() === 'Inferno')
  expect(col).toBeGreaterThan(0)
  const row = matrix.locator('tbody tr', { hasText: /Приостановка/ })
  await row.locator('td').nth(col).locator('.v-icon').hover()
  await expect(page.getByRole('tooltip')).toContainText('В клиентском API Inferno нет приостановки и возобновления.')

  await page.getByTestId(`test-${slug}`).click()
  await expect(page.getByTestId(`provider-row-${slug}`)).toContainText(/Подключение к Hostinger работает \(\d+ дата-центр/, { timeout: 30_000 })
})
