import { describe, expect, it } from 'vitest'
import { passwordProblem } from '../../../shared/auth/password-strength'

describe('the shared password rule', () => {
  it('refuses the passwords the security test found accepted, with a reason', () => {
    expect(passwordProblem('aaaaaaaaaa')).toMatch(/at least 12/)
    expect(passwordProblem('password12')).toMatch(/at least 12/)
    expect(passwordProblem('          ')).toMatch(/at least 12/)
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/too easy to guess.*Repeated/)
    expect(passwordProblem('password1234')).toMatch(/too easy to guess.*commonly used/)
  })

  it('accepts long, uncommon passphrases', () => {
    expect(passwordProblem('correct-horse-battery')).toBeNull()
    expect(passwordProblem('a-quiet-lighthouse-47')).toBeNull()
  })

  it('counts the user\'s own name and email as guessable', () => {
    expect(passwordProblem('ada.lovelace@example.com', ['ada.lovelace@example.com'])).toMatch(/too easy/)
  })
})
