/** shared/servers/rules.ts: one set of rules for the API and the pages, provider facts as data. */
import { describe, expect, it } from 'vitest'
import type { ProviderFacts } from '../../../shared/providers/facts'
import {
  actionAvailability, createFields, needsInstall, operationAvailability, passwordProblem, reinstallFields, rootPasswordSupport,
  waitingForProvider, type ServerLike,
} from '../../../shared/servers/rules'

/** A made-up provider: every fact comes from here, no provider is named. */
const facts = (over: Partial<ProviderFacts> = {}): ProviderFacts => ({
  look: { label: 'Fake', color: 'grey', icon: 'mdi-server', icon_path: 'M0' },
  create: { hostname: true, password: true, ssh_keys: false, dry_run: false },
  reinstall: { hostname: false, password: false, ssh_keys: true, dry_run: true },
  password_rule: { min_length: 8, classes: ['digit'], hint: '8+ with a digit', message: 'Too weak' },
  hard_power_off: false,
  delete_delay: null,
  root_password: { mode: 'reveal' },
  install_step: true,
  raw_states: { awaiting_install: ['ordered', 'paid'], awaiting_provider: ['ordered'] },
  create_evidence: 'hostname',
  destroy: { label: 'Delete', question: 'Delete {name}?', text: 'Gone.' },
  resize_disk: false,
  region: { label: 'Region', optional: false },
  plan_mapping: { fields: [], templates_by_plan: false },
  ...over,
})
const caps = { power: { supported: true, note: 'No hard stop here.' }, suspend: { supported: true }, destroy: { supported: true, note: 'Orders only.' }, reinstall: { supported: true }, resize: { supported: true } }
const server = (over: Partial<ServerLike> = {}): ServerLike => ({ name: 'web-1', status: 'running', capabilities: caps, ...over })

describe('raw states', () => {
  it('reads the provider\'s own words', () => {
    expect(needsInstall(facts(), 'paid')).toBe(true)
    expect(needsInstall(facts(), 'running')).toBe(false)
    expect(needsInstall(undefined, 'paid')).toBe(false)
    expect(waitingForProvider(facts(), 'ordered')).toBe(true)
    expect(waitingForProvider(facts(), 'paid')).toBe(false)
    expect(waitingForProvider(facts(), null)).toBe(false)
  })
})

describe('password rule', () => {
  it('checks length and character classes, only where the provider has a rule', () => {
    expect(passwordProblem(facts().password_rule, 'short1')).toBe('Too weak')
    expect(passwordProblem(facts().password_rule, 'longenough')).toBe('Too weak')
    expect(passwordProblem(facts().password_rule, 'longenough1')).toBeNull()
    expect(passwordProblem(null, 'x')).toBeNull()
    expect(passwordProblem(facts().password_rule, '')).toBeNull()
  })
})

describe('fields', () => {
  it('come from the facts; an unknown provider is asked for nothing', () => {
    expect(createFields(facts()).password).toBe(true)
    expect(reinstallFields(facts()).dry_run).toBe(true)
    expect(createFields(undefined)).toEqual({ hostname: false, password: false, ssh_keys: false, dry_run: false })
  })
})

describe('availability with facts', () => {
  it('offers a hard power-off only where the provider has one', () => {
    expect(actionAvailability(server(), 'poweroff', true, facts())).toEqual({ enabled: false, reason: 'No hard stop here.' })
    expect(actionAvailability(server(), 'poweroff', true, facts({ hard_power_off: true }))).toEqual({ enabled: true })
    expect(actionAvailability(server(), 'poweroff', true, undefined).enabled).toBe(false)
  })
  it('deletes only in the states the provider allows', () => {
    const orders = facts({ destroy: { label: 'Cancel order', question: 'Cancel {name}?', text: '', only_when: ['pending'] } })
    expect(operationAvailability(server(), 'destroy', true, orders)).toEqual({ enabled: false, reason: 'Orders only.' })
    expect(operationAvailability(server({ status: 'pending' }), 'destroy', true, orders)).toEqual({ enabled: true })
    expect(operationAvailability(server(), 'destroy', true, facts())).toEqual({ enabled: true })
    expect(operationAvailability(server(), 'destroy', false, facts()).reason).toBe('Only an administrator can do this')
  })
  it('reveals, resets or never gives the root password', () => {
    expect(rootPasswordSupport(server(), facts())).toEqual({ enabled: true, resets: false })
    expect(rootPasswordSupport(server(), facts({ root_password: { mode: 'reset' } }))).toEqual({ enabled: true, resets: true })
    expect(rootPasswordSupport(server(), facts({ root_password: { mode: 'none', note: 'Never.' } }))).toEqual({ enabled: false, reason: 'Never.', resets: false })
  })
})
