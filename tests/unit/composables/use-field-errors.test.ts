/** useFieldErrors: a 400 invalid_input's issues land on their fields; the rest stays for the form's alert. */
import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { useFieldErrors } from '../../../composables/useFieldErrors'

// What $fetch throws: the answer's body in `data`.
const failed = (statusCode: number, data: unknown) => Object.assign(new Error(`[POST] "/api/x": ${statusCode}`), { statusCode, data })
const invalid = (issues: { path: string, message: string }[]) =>
  failed(400, { error: `Invalid body: ${issues.map(i => `${i.path}: ${i.message}`).join('; ')}`, code: 'invalid_input', details: { issues } })

describe('useFieldErrors', () => {
  it('puts each issue on its field and leaves nothing for the alert when every issue found one', () => {
    const form = reactive({ email: '', password: '' })
    const { errors, take } = useFieldErrors(form)
    const left = take(invalid([
      { path: 'email', message: 'Enter a valid email address' },
      { path: 'password', message: 'Passwords need at least 12 characters' },
      { path: 'password', message: 'Too common' },
    ]))
    expect(left).toBe('')
    expect(errors.email).toEqual(['Enter a valid email address'])
    expect(errors.password).toEqual(['Passwords need at least 12 characters', 'Too common'])
  })

  it('keeps issues no field shows (no path, another field) for the alert, and a nested path on its first part', () => {
    const form = reactive({ name: '', items: [] as string[] })
    const { errors, take } = useFieldErrors(form)
    expect(take(invalid([
      { path: '', message: 'Enter your password or an authenticator code' },
      { path: 'items.0', message: 'Too long' },
      { path: 'owner_id', message: 'No such user' },
    ]))).toBe('Enter your password or an authenticator code No such user')
    expect(errors.items).toEqual(['Too long'])
    expect(errors.name).toEqual([])
  })

  it('gives back the API sentence when the refusal is not about the input, and clears old field messages', () => {
    const form = reactive({ email: '' })
    const { errors, take } = useFieldErrors(form)
    take(invalid([{ path: 'email', message: 'Taken' }]))
    expect(take(failed(401, { error: 'Wrong email or password', code: 'invalid_credentials' }))).toBe('Wrong email or password')
    expect(errors.email).toEqual([])
  })

  it('drops a field\'s message once that field changes', async () => {
    const form = reactive({ email: 'a', password: 'b' })
    const { errors, take } = useFieldErrors(form)
    take(invalid([{ path: 'email', message: 'Bad' }, { path: 'password', message: 'Weak' }]))
    form.email = 'ada@example.com'
    await nextTick()
    expect(errors.email).toEqual([])
    expect(errors.password).toEqual(['Weak'])
  })
})
