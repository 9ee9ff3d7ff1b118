/**
 * Provider knowledge lives in its provider folder: each folder has the same shape, its facts are
 * consistent with its capabilities and adapter, and nothing outside the folders names a provider.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import * as mdiJs from '@mdi/js'
import { describe, expect, it } from 'vitest'
import { BaseAdapter } from '../../../server/providers/base'
import { PROVIDER_TYPES, createAdapter, providers, type ProviderType } from '../../../server/providers/registry'
import { mappingSchema } from '../../../server/services/portal/plan-mapping'
import { SIMULATORS } from '../../../sandbox/providers/registry'

const ROOT = join(__dirname, '../../..')
const FOLDER_FILES = ['adapter.ts', 'client.ts', 'index.ts', 'mappers.ts', 'metadata.ts', 'upstream.ts']
const adapterOf = (type: ProviderType) => createAdapter(type, { slug: type, credentials: { apiKey: 'k' }, settings: { base_url: 'http://127.0.0.1:9', cid: '1' } })
const overrides = (type: ProviderType, method: keyof BaseAdapter) =>
  (adapterOf(type) as unknown as Record<string, unknown>)[method] !== (BaseAdapter.prototype as unknown as Record<string, unknown>)[method]

describe('provider folders', () => {
  const folders = readdirSync(join(ROOT, 'server/providers')).filter(f => statSync(join(ROOT, 'server/providers', f)).isDirectory())

  it('are exactly the registered providers, each with the same files', () => {
    expect(folders.sort()).toEqual([...PROVIDER_TYPES].sort())
    expect(Object.keys(providers).sort()).toEqual([...PROVIDER_TYPES].sort())
    for (const f of folders) {
      const files = readdirSync(join(ROOT, 'server/providers', f))
      expect(FOLDER_FILES.filter(x => !files.includes(x)), f).toEqual([])
    }
  })

  it('each have a simulator folder with its test account, listed once in the sandbox registry', () => {
    const simFolders = readdirSync(join(ROOT, 'sandbox/providers')).filter(f => statSync(join(ROOT, 'sandbox/providers', f)).isDirectory())
    expect(simFolders.sort()).toEqual([...PROVIDER_TYPES].sort())
    expect(Object.keys(SIMULATORS).sort()).toEqual([...PROVIDER_TYPES].sort())
    for (const f of simFolders) expect(readdirSync(join(ROOT, 'sandbox/providers', f)), f).toContain('account.ts')
  })

  it('are added by one registry line: its entry in `providers` (with its import) is the only mention outside the folder', () => {
    const shared = readdirSync(join(ROOT, 'server/providers')).filter(f => f.endsWith('.ts'))
    for (const type of PROVIDER_TYPES) {
      const mentions = shared.flatMap(file => readFileSync(join(ROOT, 'server/providers', file), 'utf8').split('\n')
        .filter(line => new RegExp(`\\b${type}\\b`).test(line) && !/^\s*(\*|\/\/|\/\*\*)/.test(line))
        .map(line => `${file}: ${line.trim()}`))
      expect(mentions, type).toEqual([
        `registry.ts: import { ${type} } from './${type}'`,
        expect.stringMatching(new RegExp(`^registry\\.ts: export const providers = \\{[^}]*\\b${type}\\b`)),
      ])
    }
  })

  it('do not import the registry (it imports them)', () => {
    for (const f of folders) {
      for (const file of readdirSync(join(ROOT, 'server/providers', f))) {
        expect(readFileSync(join(ROOT, 'server/providers', f, file), 'utf8'), `${f}/${file}`).not.toMatch(/from '\.\.\/registry'/)
      }
    }
  })

  it('are the only place outside the sandbox that names a provider', () => {
    const names = new RegExp(`'(${PROVIDER_TYPES.join('|')})'`)
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${e.name}`
        if (e.isDirectory()) { if (path !== 'server/providers') walk(path) }
        else if (/\.(ts|vue)$/.test(e.name)) {
          readFileSync(join(ROOT, path), 'utf8').split('\n').forEach((line, i) => { if (names.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`) })
        }
      }
    }
    for (const dir of ['server', 'shared', 'pages', 'components', 'stores', 'composables', 'utils', 'layouts']) walk(dir)
    // The demo seeding names the sandbox's providers (see sandbox/), which is where they live.
    expect(offenders.filter(o => !o.startsWith('server/services/sandbox-demo.ts'))).toEqual([])
  })
})

describe.each(PROVIDER_TYPES)('%s facts', (type) => {
  const { meta } = providers[type]
  const f = meta.facts
  const caps = meta.capabilities

  it('agree with the capabilities', () => {
    if (f.hard_power_off) expect(caps.power.supported).toBe(true)
    if (f.delete_delay) expect(caps.destroy.supported).toBe(true)
    if (f.delete_delay) expect(f.delete_delay.min).toBeLessThanOrEqual(f.delete_delay.max)
    if (f.create.ssh_keys || f.reinstall.ssh_keys) expect(caps.ssh_keys.supported).toBe(true)
    if (f.root_password.mode === 'none') expect(f.root_password.note).toBeTruthy()
    if (f.create.password || f.reinstall.password) expect(f.password_rule === null || f.password_rule.min_length > 0).toBe(true)
    // Waiting for the provider is one way of waiting for the install.
    expect(f.raw_states.awaiting_provider.filter(s => !f.raw_states.awaiting_install.includes(s))).toEqual([])
    if (f.raw_states.awaiting_provider.length) expect(f.install_step).toBe(true)
  })

  it('agree with the adapter\'s hooks', () => {
    const adapter = adapterOf(type)
    expect(adapter.needsInstallStep).toBe(f.install_step)
    // An install step needs an install (Hostinger has one too, for VMs bought in hPanel).
    if (f.install_step) expect(overrides(type, 'installServer')).toBe(true)
    expect(overrides(type, 'dryRunReinstall')).toBe(f.reinstall.dry_run)
    expect(overrides(type, 'ensureCustomerUser')).toBe(!!f.customer_user_setting)
    expect(overrides(type, 'createInputForPlan')).toBe(caps.create.supported)
    if (f.customer_user_setting) expect(meta.settings.map(s => s.key)).toContain(f.customer_user_setting)
  })

  it('look: a label and an icon the browser can draw', () => {
    expect(f.look.label).toBe(meta.displayName)
    const exportName = f.look.icon.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    expect((mdiJs as Record<string, string>)[exportName]).toBe(f.look.icon_path)
  })

  it('plan mapping: one product field from the plans, unique keys, a schema that takes a full mapping', () => {
    const fields = f.plan_mapping.fields
    expect(new Set(fields.map(x => x.key)).size).toBe(fields.length)
    const plan = fields.filter(x => x.role === 'plan')
    expect(plan).toHaveLength(1)
    expect(plan[0]!.catalog?.list).toBe('plans')
    expect(fields.filter(x => x.role === 'template').length).toBeLessThanOrEqual(1)
    for (const x of fields.filter(x => x.when)) expect(fields.map(y => y.key)).toContain(x.when!.key)
    const full = Object.fromEntries(fields.filter(x => !x.optional && !x.when).map(x => [x.key, x.kind === 'choice' ? x.default ?? x.choices![0]!.value : '1']))
    expect(mappingSchema(fields).safeParse(full).success).toBe(true)
    expect(mappingSchema(fields).safeParse({ ...full, unknownKey: '1' }).success).toBe(false)
  })
})

describe('the facts today\'s behaviour rests on', () => {
  const facts = (t: ProviderType) => providers[t].meta.facts
  it('hard power-off, delayed deletion and a password reset to reveal it: only VirtFusion', () => {
    expect(PROVIDER_TYPES.filter(t => facts(t).hard_power_off)).toEqual(['virtfusion'])
    expect(PROVIDER_TYPES.filter(t => facts(t).delete_delay)).toEqual(['virtfusion'])
    expect(facts('virtfusion').delete_delay).toEqual({ min: 0, max: 43_800 })
    expect(PROVIDER_TYPES.filter(t => facts(t).root_password.mode === 'reset')).toEqual(['virtfusion'])
  })
  it('Hostinger: a password rule, one key at purchase, never a revealed password', () => {
    expect(facts('hostinger').password_rule).toMatchObject({ min_length: 12, classes: ['lower', 'upper', 'digit'] })
    expect(facts('hostinger').create.max_ssh_keys).toBe(1)
    expect(facts('hostinger').root_password.mode).toBe('none')
    expect(facts('hostinger').raw_states.awaiting_install).toEqual(['initial'])
  })
  it('Inferno: an order waits for payment, then its install; only an unpaid one is cancelled', () => {
    expect(facts('inferno').raw_states).toEqual({ awaiting_install: ['Pending', 'Active'], awaiting_provider: ['Pending'] })
    expect(facts('inferno').destroy).toMatchObject({ label: 'Cancel order', only_when: ['pending'] })
    expect(facts('inferno').create_evidence).toBe('none')
  })
  it('Virtua.cloud: a disk grown on request, addresses not reported', () => {
    expect(PROVIDER_TYPES.filter(t => facts(t).resize_disk)).toEqual(['virtua'])
    expect(facts('virtua').no_addresses).toMatch(/Not reported/)
  })
})
