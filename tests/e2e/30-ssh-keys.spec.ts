import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { ensureAdmin, shot, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })

const dir = mkdtempSync(join(tmpdir(), 'e2e-ssh-'))
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

function keygen(name: string, comment: string) {
  const path = join(dir, name)
  execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { stdio: 'pipe' })
  const fingerprint = execFileSync('/usr/bin/ssh-keygen', ['-lf', `${path}.pub`], { encoding: 'utf8' }).split(' ')[1]!
  return { path, pub: readFileSync(`${path}.pub`, 'utf8'), priv: readFileSync(path, 'utf8'), fingerprint }
}

test('add a key, push it to two sandbox accounts, see the chips, remove it', async ({ page }) => {
  await ensureAdmin(page)
  // The sandbox accounts (01-spine connects them too; this keeps the spec runnable alone).
  expect((await page.request.post('/api/hosting/sandbox/connect')).ok()).toBe(true)

  await page.goto('/ssh-keys')
  await expect(page.getByRole('heading', { name: 'SSH keys' })).toBeVisible()
  await expect(page.getByTestId('nav-drawer').getByText('SSH keys')).toBeVisible()
  if (await page.getByTestId('ssh-keys-empty').isVisible({ timeout: 5000 }).catch(() => false)) await shot(page, 'ssh-keys-empty')

  const key = keygen('laptop', 'e2e@laptop')

  // A private key is refused before anything is sent.
  await page.getByTestId('add-ssh-key').click()
  const add = page.getByTestId('ssh-key-add-dialog')
  await add.getByTestId('ssh-key-text').locator('textarea').first().fill(key.priv)
  await expect(add.getByTestId('ssh-key-private-warning')).toBeVisible()
  await expect(add.getByTestId('ssh-key-private-warning')).toContainText('This is a private key')
  await expect(add.getByTestId('ssh-key-save')).toBeDisabled()
  await shot(page, 'ssh-keys-private-warning')

  // Choosing the .pub file fills the text and shows what ssh-keygen -lf says.
  await add.getByTestId('ssh-key-text').locator('textarea').first().fill('')
  await add.getByTestId('ssh-key-file').locator('input[type=file]').setInputFiles(`${key.path}.pub`)
  await expect(add.getByTestId('ssh-key-preview-fingerprint')).toHaveText(key.fingerprint)
  await expect(add.getByTestId('ssh-key-preview')).toContainText('ED25519')
  await expect(add.getByTestId('ssh-key-preview')).toContainText('256 bits')
  await expect(add.getByTestId('ssh-key-private-warning')).toBeHidden()
  await shot(page, 'ssh-keys-add-dialog')
  await add.getByTestId('ssh-key-save').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'SSH key "e2e@laptop" added' })).toBeVisible()

  const row = page.getByTestId('ssh-key-row').filter({ hasText: 'e2e@laptop' })
  await expect(row.getByTestId('ssh-key-fingerprint')).toHaveText(key.fingerprint)
  await expect(row.getByTestId('presence-chip-hostinger')).toHaveAttribute('data-present', 'no')

  // Push to Hostinger and Inferno only.
  await row.getByTestId('ssh-key-push').click()
  const push = page.getByTestId('ssh-key-push-dialog')
  await expect(push.getByTestId('push-account-virtua')).toContainText('cannot hold SSH keys')
  for (const slug of ['virtfusion', 'hostinger', 'inferno']) {
    const box = push.getByTestId(`push-check-${slug}`).locator('input')
    const want = slug !== 'virtfusion'
    if ((await box.isChecked()) !== want) await box.click()
  }
  await expect(push.getByTestId('push-submit')).toHaveText(/Push to 2 accounts/)
  await shot(page, 'ssh-keys-push-dialog')
  await push.getByTestId('push-submit').click()
  await expect(push.getByTestId('push-result-hostinger')).toHaveAttribute('data-status', 'added')
  await expect(push.getByTestId('push-result-inferno')).toHaveAttribute('data-status', 'added')
  await shot(page, 'ssh-keys-push-results')
  await push.getByTestId('push-done').click()

  await expect(row.getByTestId('presence-chip-hostinger')).toHaveAttribute('data-present', 'yes')
  await expect(row.getByTestId('presence-chip-inferno')).toHaveAttribute('data-present', 'yes')
  await expect(row.getByTestId('presence-chip-virtfusion')).toHaveAttribute('data-present', 'no')
  await expect(row.getByTestId('presence-chip-virtua')).toHaveCount(0)
  // The simulators' seed keys are in nobody's keychain.
  await expect(page.getByTestId('upstream-only')).toContainText('deploy-key')
  await expect(page.getByTestId('upstream-only')).toContainText('upstream only')
  await shot(page, 'ssh-keys')

  // Remove from one provider through the chip menu.
  await row.getByTestId('presence-chip-inferno').click()
  await page.getByTestId('presence-remove-inferno').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('Remove "e2e@laptop" from Inferno')
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'removed from Inferno' })).toBeVisible()
  await expect(row.getByTestId('presence-chip-inferno')).toHaveAttribute('data-present', 'no')
  await expect(row.getByTestId('presence-chip-hostinger')).toHaveAttribute('data-present', 'yes')

  await page.setViewportSize({ width: 390, height: 844 })
  await expect(row.getByTestId('presence-chip-hostinger')).toBeVisible()
  await shot(page, 'ssh-keys-mobile')
  await page.getByTestId('theme-toggle').click()
  await shot(page, 'ssh-keys-mobile-dark')
  await page.setViewportSize({ width: 1280, height: 900 })
  await shot(page, 'ssh-keys-dark')
  await page.getByTestId('theme-toggle').click()

  // Delete everywhere: the key leaves Hostinger too.
  await row.getByTestId('ssh-key-delete').click()
  const confirm = page.getByTestId('confirm-dialog')
  await expect(confirm).toContainText('Also remove it from Hostinger')
  await expect(confirm.getByTestId('ssh-key-delete-everywhere').locator('input')).toBeChecked()
  await confirm.getByTestId('confirm-button').click()
  await expect(page.getByTestId('toast-success').filter({ hasText: 'removed from 1 provider account' })).toBeVisible()
  await expect(row).toHaveCount(0)
  const left = await (await page.request.get('/api/hosting/providers/hostinger/ssh-keys')).json() as { fingerprint: string }[]
  expect(left.some(k => k.fingerprint === key.fingerprint)).toBe(false)
})

test('a customer has their own keychain, without provider chips', async ({ page }) => {
  await ensureAdmin(page)
  const customer = { name: 'Casey Keys', email: `casey${Date.now()}@example.com`, password: 'casey-password-123' }
  expect((await page.request.post('/api/users', { data: { ...customer, role: 'customer' } })).status()).toBe(201)
  await page.context().clearCookies()
  await signIn(page, customer)

  await page.goto('/ssh-keys')
  await expect(page.getByTestId('ssh-keys-empty')).toBeVisible()
  const key = keygen('casey', 'casey@desktop')
  await page.getByTestId('add-ssh-key').click()
  const add = page.getByTestId('ssh-key-add-dialog')
  await add.getByTestId('ssh-key-text').locator('textarea').first().fill(key.pub)
  await expect(add.getByTestId('ssh-key-preview-fingerprint')).toHaveText(key.fingerprint)
  await add.getByTestId('ssh-key-name').locator('input').fill('Casey desktop')
  await add.getByTestId('ssh-key-save').click()
  const row = page.getByTestId('ssh-key-row').filter({ hasText: 'Casey desktop' })
  await expect(row.getByTestId('ssh-key-fingerprint')).toHaveText(key.fingerprint)
  await expect(row.getByTestId('ssh-key-push')).toHaveCount(0)
  await expect(page.locator('[data-testid^=presence-chip-]')).toHaveCount(0)
  await expect(page.getByTestId('upstream-only')).toHaveCount(0)
  await expect(page.getByTestId('nav-drawer')).not.toContainText('Providers')
  await shot(page, 'ssh-keys-customer')

  await row.getByTestId('ssh-key-delete').click()
  await page.getByTestId('confirm-button').click()
  await expect(page.getByTestId('ssh-keys-empty')).toBeVisible()
  await page.context().clearCookies()
})
