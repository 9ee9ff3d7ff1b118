import { describe, expect, it } from 'vitest'
import { STEPS, stepTimeline, type LogRow } from '../../../server/services/portal/order-steps'

let id = 0
const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s))
const log = (step: string, status: LogRow['status'], s: number, message: string | null = null): LogRow =>
  ({ id: ++id, orderId: 'o', step, status, message, upstreamRequestId: null, details: null, createdAt: at(s) })

describe('stepTimeline', () => {
  it('lists every step in order, waiting until logged', () => {
    const t = stepTimeline([], { currentStep: null, orderStatus: 'pending' })
    expect(t.map(s => s.name)).toEqual([...STEPS])
    expect(t.every(s => s.status === 'waiting' && s.started_at === null)).toBe(true)
  })

  it('reads started, finished and skipped steps with their times', () => {
    const t = stepTimeline([
      log('ensure_user', 'started', 1), log('ensure_user', 'skipped', 1, 'no users here'),
      log('create', 'started', 2), log('create', 'succeeded', 4, 'Created server 7'),
      log('install', 'started', 5),
    ], { currentStep: 'install', orderStatus: 'running' })
    const by = Object.fromEntries(t.map(s => [s.name, s]))
    expect(by.ensure_user).toMatchObject({ status: 'skipped', message: 'no users here' })
    expect(by.create).toMatchObject({ status: 'succeeded', started_at: at(2).toISOString(), finished_at: at(4).toISOString(), message: 'Created server 7' })
    expect(by.install).toMatchObject({ status: 'running', finished_at: null })
    expect(by.notify!.status).toBe('waiting')
  })

  it('shows only the latest attempt of a retried step', () => {
    const t = stepTimeline([
      log('install', 'started', 1), log('install', 'failed', 2, 'HTTP 503'),
      log('install', 'started', 10),
    ], { currentStep: 'install', orderStatus: 'running' })
    expect(t.find(s => s.name === 'install')).toMatchObject({ status: 'running', started_at: at(10).toISOString(), finished_at: null, message: null })
    const failed = stepTimeline([log('install', 'started', 1), log('install', 'failed', 2, 'HTTP 503')], { currentStep: 'install', orderStatus: 'failed' })
    expect(failed.find(s => s.name === 'install')).toMatchObject({ status: 'failed', message: 'HTTP 503' })
  })

  it('gives each step its latest line\'s sentence code, none for lines older than the codes', () => {
    const coded = { ...log('create', 'succeeded', 4, 'Created server 7'), details: { upstream_id: '7', message_code: 'created', message_params: { id: '7' } } }
    const t = stepTimeline([log('create', 'started', 2), coded, log('install', 'started', 5, 'Install the operating system')], { currentStep: 'install', orderStatus: 'running' })
    expect(t.find(s => s.name === 'create')).toMatchObject({ message: 'Created server 7', message_code: 'created', message_params: { id: '7' } })
    expect(t.find(s => s.name === 'install')).toMatchObject({ message: 'Install the operating system', message_code: null, message_params: null })
  })

  it('does not show a step as running in a failed order unless it is the one that failed', () => {
    const t = stepTimeline([log('wait_running', 'started', 1)], { currentStep: 'create', orderStatus: 'failed' })
    expect(t.find(s => s.name === 'wait_running')!.status).toBe('waiting')
  })
})
