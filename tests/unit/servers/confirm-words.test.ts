/** Which power actions ask first, and the words their dialog uses. */
import { describe, expect, it } from 'vitest'
import { actionProgress, confirmWords, needsConfirm } from '../../../utils/serverConfirm'
import { translator } from './translate'

const t = translator('en')
const ru = translator('ru')

describe('server action confirmation', () => {
  it('asks before stop, power off, suspend and the restart of a running server only', () => {
    expect(needsConfirm('stop', { status: 'running' })).toBe(true)
    expect(needsConfirm('poweroff', { status: 'running' })).toBe(true)
    expect(needsConfirm('suspend', { status: 'stopped' })).toBe(true)
    expect(needsConfirm('restart', { status: 'running' })).toBe(true)
    expect(needsConfirm('restart', { status: 'stopped' })).toBe(false)
    expect(needsConfirm('start', { status: 'stopped' })).toBe(false)
    expect(needsConfirm('unsuspend', { status: 'suspended' })).toBe(false)
  })

  it('says what will happen, to one server or to several', () => {
    expect(confirmWords('stop', ['web-1'], t)).toEqual({
      title: 'Stop web-1?',
      text: 'The server is shut down; its sites go offline until it is started again.',
      confirmLabel: 'Stop',
      color: 'warning',
    })
    expect(confirmWords('restart', ['web-1', 'db-1'], t)).toMatchObject({ title: 'Restart 2 servers?', confirmLabel: 'Restart' })
    expect(confirmWords('start', ['web-1'], t)).toBeNull()
  })

  it('says it in Russian, counting servers in the right form', () => {
    expect(confirmWords('stop', ['web-1'], ru)).toMatchObject({ title: 'Остановить сервер web-1?', confirmLabel: 'Остановить' })
    expect(confirmWords('stop', ['a', 'b'], ru)?.title).toBe('Остановить 2 сервера?')
    expect(confirmWords('stop', ['a', 'b', 'c', 'd', 'e'], ru)?.title).toBe('Остановить 5 серверов?')
  })

  it('names the action under way while the page waits for it', () => {
    expect(actionProgress('suspend', 'web-1', t)).toBe('web-1 is being suspended…')
    expect(actionProgress('unsuspend', 'web-1', t)).toBe('web-1 is being unsuspended…')
  })
})
