/**
 * "Try with sandbox providers": four accounts pointing at the simulators, tested at once. The
 * keys come from the running sandbox itself (GET /__sandbox/credentials), not from an import
 * of sandbox/: the app's build carries no simulator code.
 */
import { httpError } from '../lib/http-errors'
import { PROVIDER_TYPES, getDefinition } from '../providers/registry'
import { configureAccount, getAccountBySlug, testAccount } from './provider-accounts'

/** What the sandbox accepts for one simulator (sandbox/credentials.ts). */
interface SandboxAccount { api_key: string, extra: Record<string, string>, base_path: string }

async function sandboxAccounts(origin: string): Promise<Partial<Record<string, SandboxAccount>>> {
  try { return await $fetch<Partial<Record<string, SandboxAccount>>>(`${origin}/__sandbox/credentials`) }
  catch (e) { throw httpError(503, `The sandbox at ${origin} did not give its credentials: ${(e as Error).message}`, 'sandbox_unavailable') }
}

export async function connectSandboxAccounts(origin: string) {
  const accounts = await sandboxAccounts(origin)
  const results = []
  for (const type of PROVIDER_TYPES) {
    const creds = accounts[type]
    if (!creds) {
      results.push({ slug: type, type, ok: false, message: `The sandbox at ${origin} does not simulate ${accountLabel(type)}` })
      continue
    }
    const existing = await getAccountBySlug(type)
    // Keep a real account that already owns the plain name; the sandbox one gets a suffix.
    const slug = !existing || String(existing.settings.base_url ?? '').startsWith(origin) ? type : `${type}-sandbox`
    const { account } = await configureAccount(slug, {
      type,
      api_key: creds.api_key,
      display_name: `${accountLabel(type)} (sandbox)`,
      extra: { ...creds.extra, base_url: `${origin}${creds.base_path}` },
    })
    let test: { ok: boolean, message: string }
    try { test = { ok: true, message: (await testAccount(slug)).message } }
    catch (e) { test = { ok: false, message: (e as Error).message } }
    results.push({ slug: account.slug, type, ...test })
  }
  return results
}

const accountLabel = (type: string) => getDefinition(type)?.meta.displayName ?? type
