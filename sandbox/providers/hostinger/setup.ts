/**
 * The VM setup request (spec VPS.V1.VirtualMachine.SetupRequest), shared by purchase (nested
 * under `setup`) and POST …/{id}/setup: validation, then installing the VM.
 */
import type { Errors } from './respond'
import type { HostingerState, SimPublicKey, SimVm } from './state'

export interface SetupRequest {
  template_id?: unknown
  data_center_id?: unknown
  post_install_script_id?: unknown
  password?: unknown
  hostname?: unknown
  install_monarx?: unknown
  enable_backups?: unknown
  ns1?: unknown
  ns2?: unknown
  public_key?: { name?: unknown, key?: unknown } | unknown
}

export const HOSTNAME_RE = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i
export const PUBLIC_KEY_RE = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/

/** Field-checks a setup body; `prefix` is `setup.` inside a purchase. */
export function validateSetup(state: HostingerState, body: SetupRequest, errors: Errors, prefix = '') {
  const f = (name: string) => prefix + name
  if (errors.required(f('template_id'), body.template_id) && errors.integer(f('template_id'), body.template_id)) {
    if (!state.templates.some(t => t.id === body.template_id)) errors.invalid(f('template_id'))
  }
  if (errors.required(f('data_center_id'), body.data_center_id) && errors.integer(f('data_center_id'), body.data_center_id)) {
    if (!state.dataCenters.some(d => d.id === body.data_center_id)) errors.invalid(f('data_center_id'))
  }
  if (body.password !== undefined && errors.string(f('password'), body.password) && (body.password as string).length < 12) {
    errors.add(f('password'), `The ${f('password')} field must be at least 12 characters.`)
  }
  if (body.hostname !== undefined && errors.string(f('hostname'), body.hostname) && !HOSTNAME_RE.test(body.hostname as string)) {
    errors.add(f('hostname'), `The ${f('hostname')} field format is invalid.`)
  }
  if (body.public_key !== undefined) {
    const pk = body.public_key as { name?: unknown, key?: unknown } | null
    if (!pk || typeof pk !== 'object') errors.add(f('public_key'), `The ${f('public_key')} field must be an object.`)
    else {
      errors.required(f('public_key.name'), pk.name)
      if (errors.required(f('public_key.key'), pk.key) && (typeof pk.key !== 'string' || !PUBLIC_KEY_RE.test(pk.key.trim()))) {
        errors.add(f('public_key.key'), `The ${f('public_key.key')} is not a valid public key.`)
      }
    }
  }
}

/** An account key for `key`, reusing an identical one rather than duplicating it. */
export function ensurePublicKey(state: HostingerState, name: string, key: string): SimPublicKey {
  const blob = key.trim().split(/\s+/).slice(0, 2).join(' ')
  const existing = state.publicKeys.find(k => k.key.trim().split(/\s+/).slice(0, 2).join(' ') === blob)
  if (existing) return existing
  const created = { id: state.nextId(400), name, key: key.trim() }
  state.publicKeys.push(created)
  return created
}

/** Installs a validated setup onto `vm`: addresses, template, keys, then `creating` → `running`. */
export function applySetup(state: HostingerState, vm: SimVm, body: SetupRequest, now = Date.now()) {
  vm.template_id = body.template_id as number
  vm.data_center_id = body.data_center_id as number
  if (typeof body.hostname === 'string') vm.hostname = body.hostname
  if (typeof body.password === 'string') vm.password = body.password
  vm.ns1 = typeof body.ns1 === 'string' ? body.ns1 : '1.1.1.1'
  vm.ns2 = typeof body.ns2 === 'string' ? body.ns2 : '8.8.8.8'
  const n = vm.id % 250
  vm.ipv4 = [{ id: state.nextId(60_000), address: `203.0.113.${n}`, ptr: null }]
  vm.ipv6 = [{ id: state.nextId(60_000), address: `2a02:4780:2b:1::${n.toString(16)}`, ptr: null }]
  const pk = body.public_key as { name: string, key: string } | undefined
  if (pk) {
    const key = ensurePublicKey(state, pk.name, pk.key)
    if (!vm.public_key_ids.includes(key.id)) vm.public_key_ids.push(key.id)
  }
  const doneAt = state.startTransition(vm, [{ state: 'creating', ms: state.transitionMs }], 'running', now)
  return state.addAction(vm, 'setup', doneAt, now)
}
