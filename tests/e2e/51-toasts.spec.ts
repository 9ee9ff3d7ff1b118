import { expect, test, type Page } from '@playwright/test'
import { ensureAdmin, shot } from './helpers'

/**
 * Toasts: the newest three at most, and never over a page's primary action. Many toasts at
 * once are pushed through the app's own store (what a burst of answers would do), read off the
 * mounted Vue app, so the count does not depend on how fast real actions settle.
 */
async function pushToasts(page: Page, texts: string[]) {
  await page.evaluate((all) => {
    const app = (document.querySelector('#__nuxt') as any).__vue_app__
    const pinia = app.config.globalProperties.$pinia
    const toasts = pinia._s.get('toasts')
    for (const t of all) toasts.info(t, { timeout: 0 })
  }, texts)
}

const overlaps = (a: { x: number, y: number, width: number, height: number }, b: { x: number, y: number, width: number, height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

test('at most the newest three toasts show, clear of the primary buttons', async ({ page }) => {
  await ensureAdmin(page)
  await page.goto('/account/tokens')
  // The stack is mounted by the layout, so its store exists once the page has hydrated.
  await expect(page.getByTestId('token-create')).toBeVisible()
  await expect.poll(() => page.evaluate(() => !!(document.querySelector('#__nuxt') as any)?.__vue_app__?.config.globalProperties.$pinia?._s.get('toasts'))).toBe(true)
  await pushToasts(page, ['first', 'second', 'third', 'fourth', 'fifth'])
  const shown = page.getByTestId('toast-stack').getByTestId('toast-info')
  await expect(shown).toHaveCount(3)
  await expect(shown.nth(0)).toContainText('third')
  await expect(shown.nth(2)).toContainText('fifth')

  // Not over the page's primary button nor over a dialog's, and inside the content area.
  const stack = (await page.getByTestId('toast-stack').boundingBox())!
  const drawer = (await page.getByTestId('nav-drawer').boundingBox())!
  expect(stack.x).toBeGreaterThanOrEqual(drawer.x + drawer.width)
  for (const button of await page.locator('.v-main .v-btn.bg-primary').all()) {
    if (await button.isVisible()) expect(overlaps(stack, (await button.boundingBox())!)).toBe(false)
  }
  await shot(page, 'toasts-three')

  // Phones: the stack keeps clear of the bottom edge and the screen's sides.
  await page.setViewportSize({ width: 390, height: 844 })
  await expect.poll(async () => {
    const box = (await page.getByTestId('toast-stack').boundingBox())!
    return box.x >= 0 && box.x + box.width <= 390 && 844 - (box.y + box.height) >= 24
  }).toBe(true)
  await shot(page, 'toasts-three-mobile')
})
