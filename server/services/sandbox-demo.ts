/** "Try with sandbox providers": four accounts pointing at the simulators, tested at once. */
import { SANDBOX_CREDENTIALS, sandboxBaseUrl } from '../../sandbox/credentials'
import { PROVIDER_TYPES } from '../providers/types'
import { configureAccount, getAccountBySlug, testAccount } from './provider-accounts'

export async function connectSandboxAccounts(origin: string) {
  const results = []
  for (const type of PROVIDER_TYPES) {
    const existing = await getAccountBySlug(type)
    // Keep a real account that already owns the plain name; the sandbox one gets a suffix.
    const slug = !existing || String(existing.settings.base_url ?? '').startsWith(origin) ? type : `${type}-sandbox`
    const creds = SANDBOX_CREDENTIALS[type]
    const { account } = await configureAccount(slug, {
      type,
      api_key: creds.api_key,
      display_name: `${accountLabel(type)} (sandbox)`,
      extra: { ...creds.extra, base_url: sandboxBaseUrl(origin, type) },
    })
    let test: { ok: boolean, message: string }
    try { test = { ok: true, message: (await testAccount(slug)).message } }
    catch (e) { test = { ok: false, message: (e as Error).message } }
    results.push({ slug: account.slug, type, ...test })
  }
  return results
}

function accountLabel(type: string) {
  return { virtfusion: 'VirtFusion', virtua: 'Virtua.cloud', hostinger: 'Hostinger', inferno: 'Inferno' }[type] ?? type
}
