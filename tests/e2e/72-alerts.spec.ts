/**
 * Alerts (issue 17): an admin adds a webhook pointing at a receiver this spec runs on loopback,
 * presses "send test" and sees the delivery with the receiver's status code; a customer changes
 * which alerts reach them. Screenshots: desktop, 390 px phone, dark.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { animationsDone, ensureAdmin, shot, signIn } from './helpers'

const RUN = Date.now().toString(36)
let receiver: Server
let receiverUrl = ''
const received: { signature: string, body: any }[] = []

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => { body += c.toString('utf8') })
    req.on('end', () => {
      received.push({ signature: String(req.headers['x-signature'] ?? ''), body: JSON.parse(body) })
      res.statusCode = 204
      res.end()
    })
  })
  await new Promise<void>(r => receiver.listen(0, '127.0.0.1', () => r()))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
})

test.afterAll(async () => {
  await new Promise(r => receiver.close(() => r(null)))
})

test('an admin adds a webhook, sends a test and sees its delivery with the status code', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/admin/alerts')
  await expect(page.getByRole('heading', { name: 'Alert delivery' })).toBeVisible()
  await page.getByTestId('webhook-add').click()
  const dialog = page.getByTestId('webhook-dialog')
  const name = `Ops ${RUN}`
  await dialog.getByTestId('webhook-name').locator('input').fill(name)
  await dialog.getByTestId('webhook-url').locator('input').fill(receiverUrl)
  await dialog.getByTestId('webhook-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('webhook-secret')).toContainText(/whsec_[0-9a-f]{48}/)

  const row = page.getByTestId('webhook-row').filter({ hasText: name })
  await row.click()
  await row.getByTestId('webhook-test').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'Test queued' })).toBeVisible()
  const delivery = row.getByTestId('delivery-row').first()
  await expect(delivery.getByTestId('delivery-status')).toHaveText('Delivered', { timeout: 30_000 })
  await expect(delivery.getByTestId('delivery-code')).toHaveText('204')
  expect(received.at(-1)?.body.kind).toBe('test')
  expect(received.at(-1)?.signature).toMatch(/^sha256=[0-9a-f]{64}$/)
  await animationsDone(page)
  await shot(page, 'alerts-admin-desktop')

  await page.setViewportSize({ width: 390, height: 844 })
  await animationsDone(page)
  await shot(page, 'alerts-admin-phone')
  await page.getByTestId('theme-toggle').click()
  await animationsDone(page)
  await shot(page, 'alerts-admin-phone-dark')
  await page.getByTestId('theme-toggle').click()

  // Tidy up: delete asks first.
  await page.setViewportSize({ width: 1280, height: 900 })
  await row.getByTestId('webhook-delete').click()
  await page.getByTestId('confirm-dialog').getByTestId('confirm-button').click()
  await expect(row).toBeHidden()
})

test('a customer chooses which alerts reach them', async ({ page, browser }) => {
  await ensureAdmin(page)
  const customer = { email: `alerts-${RUN}@example.com`, password: 'customer-pass-123', name: 'Alma Alerts' }
  expect((await page.request.post('/api/users', { data: { ...customer, role: 'customer' } })).status()).toBe(201)

  const context = await browser.newContext()
  const cust = await context.newPage()
  await signIn(cust, customer)
  await cust.goto('/account/security')
  const card = cust.getByTestId('alert-preferences')
  await expect(card).toContainText('Server suspended')
  await expect(card).not.toContainText('Low balance')
  const suspended = card.getByTestId('pref-server_suspended')
  await expect(suspended.getByTestId('pref-email').locator('input')).toBeChecked()
  await suspended.getByTestId('pref-email').locator('input').uncheck()
  await card.getByTestId('pref-save').click()
  await expect(cust.getByTestId('toast-success').filter({ hasText: 'Alert settings saved' })).toBeVisible()
  await expect.poll(async () => {
    const prefs = await (await cust.request.get('/api/notifications/preferences')).json()
    return prefs.items.find((i: any) => i.kind === 'server_suspended')
  }).toMatchObject({ in_app: true, email: false })
  await cust.reload()
  await expect(cust.getByTestId('alert-preferences').getByTestId('pref-server_suspended').getByTestId('pref-email').locator('input')).not.toBeChecked()
  await card.scrollIntoViewIfNeeded()
  await shot(cust, 'alerts-preferences-desktop')
  await cust.setViewportSize({ width: 390, height: 844 })
  await animationsDone(cust)
  await shot(cust, 'alerts-preferences-phone')
  await context.close()
})
