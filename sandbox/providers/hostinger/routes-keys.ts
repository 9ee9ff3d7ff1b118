/**
 * /api/vps/v1/public-keys…: the account's SSH keys (paged, 15 a page), add, delete, and attach
 * to a VM. Deleting a key leaves it on the VMs it was attached to (spec).
 */
import type { Router } from '../../core/router'
import { Errors, fail, ok, refused } from './respond'
import { PUBLIC_KEY_RE } from './setup'
import type { HostingerState } from './state'

const BASE = '/api/vps/v1/public-keys'
const PER_PAGE = 15

export function registerKeyRoutes(router: Router, state: HostingerState) {
  router.get(BASE, (req) => {
    const page = Math.max(1, Number(req.query.page ?? 1) || 1)
    return ok({
      data: state.publicKeys.slice((page - 1) * PER_PAGE, page * PER_PAGE),
      meta: { current_page: page, per_page: PER_PAGE, total: state.publicKeys.length },
    })
  })

  router.post(BASE, (req) => {
    const body = (req.body ?? {}) as { name?: unknown, key?: unknown }
    const errors = new Errors()
    if (errors.required('name', body.name) && errors.string('name', body.name) && (body.name as string).length > 255) {
      errors.add('name', 'The name field must not be greater than 255 characters.')
    }
    if (errors.required('key', body.key) && errors.string('key', body.key)) {
      if (!PUBLIC_KEY_RE.test((body.key as string).trim())) errors.add('key', 'The key is not a valid public key.')
      else {
        const blob = (body.key as string).trim().split(/\s+/)[1]
        if (state.publicKeys.some(k => k.key.split(/\s+/)[1] === blob)) errors.add('key', 'The key has already been taken.')
      }
    }
    const invalid = errors.response()
    if (invalid) return invalid
    const key = { id: state.nextId(400), name: body.name as string, key: (body.key as string).trim() }
    state.publicKeys.push(key)
    return ok(key)
  })

  router.delete(`${BASE}/:id`, (req) => {
    const i = state.publicKeys.findIndex(k => String(k.id) === req.params.id)
    if (i < 0) return fail(404, 'Public key not found')
    state.publicKeys.splice(i, 1)
    return ok({ message: 'Request accepted' })
  })

  router.post(`${BASE}/attach/:id`, (req) => {
    const vm = state.findVm(req.params.id)
    if (!vm) return fail(404, 'Virtual machine not found')
    const body = (req.body ?? {}) as { ids?: unknown }
    const errors = new Errors()
    if (errors.required('ids', body.ids)) {
      if (!Array.isArray(body.ids) || body.ids.length === 0) errors.add('ids', 'The ids field must be an array with at least 1 item.')
      else body.ids.forEach((id, i) => {
        if (!Number.isInteger(id)) errors.add(`ids.${i}`, `The ids.${i} field must be an integer.`)
        else if (!state.publicKeys.some(k => k.id === id)) errors.add(`ids.${i}`, `The selected ids.${i} is invalid.`)
      })
    }
    const invalid = errors.response()
    if (invalid) return invalid
    const now = Date.now()
    const current = state.stateOf(vm, now)
    if (current === 'destroyed' || current === 'destroying') return refused(`Virtual machine cannot take keys in its current state (state: ${current})`)
    for (const id of body.ids as number[]) if (!vm.public_key_ids.includes(id)) vm.public_key_ids.push(id)
    return ok(state.actionResource(state.addAction(vm, 'ssh_keys_attach', now, now), now))
  })
}
