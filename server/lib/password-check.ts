/**
 * The server's password rule (shared/auth/password-strength.ts), with zxcvbn kept out of the app's
 * memory (issue 13, app RSS): its dictionaries are ~16 MB of heap, and a module once imported is
 * never dropped. The built server asks a process of its own (password-checker.mjs), started on
 * the first check and let go after a minute without one; the length half of the rule needs no
 * process. Should that process fail, zxcvbn is imported here instead: the same rule either way.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { findBesideBuild } from '../db/build-files'
import { passwordLengthProblem, weakPasswordProblem, type StrengthVerdict } from '#shared/auth/password-limits'

const IDLE_MS = 60_000
const START_TIMEOUT_MS = 30_000
/** One check takes milliseconds; a process this slow is stuck: it is dropped and the app checks itself. */
const CHECK_TIMEOUT_MS = 10_000

interface Checker { child: ChildProcess, ready: Promise<void>, pending: Map<number, { resolve: (v: StrengthVerdict) => void, reject: (e: Error) => void }> }
let checker: Checker | undefined
let nextId = 1
let idleTimer: NodeJS.Timeout | undefined
const checkerScript = () => findBesideBuild(['password-checker.mjs', 'server/lib/password-checker.mjs'])

function startChecker(script: string): Checker {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] })
  const pending: Checker['pending'] = new Map()
  const c: Checker = {
    child,
    pending,
    ready: new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the password checker did not start in time')), START_TIMEOUT_MS)
      child.once('message', () => { clearTimeout(timer); resolve() })
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the password checker exited with code ${code}`)) })
      child.once('error', (err) => { clearTimeout(timer); reject(err) })
    }),
  }
  child.on('message', (m: { id?: number, error?: string } & StrengthVerdict) => {
    const waiting = m.id === undefined ? undefined : pending.get(m.id)
    if (!waiting) return
    pending.delete(m.id!)
    if (m.error) waiting.reject(new Error(m.error))
    else waiting.resolve({ score: m.score, warning: m.warning, suggestions: m.suggestions })
  })
  child.on('exit', () => {
    if (checker === c) checker = undefined
    for (const w of pending.values()) w.reject(new Error('the password checker exited'))
    pending.clear()
  })
  // Never keeps the app alive, and dies with it (its IPC channel closes).
  child.unref()
  ;(child as unknown as { channel?: { unref(): void } }).channel?.unref()
  c.ready.catch(() => child.kill('SIGKILL'))
  return c
}

async function verdictFromProcess(script: string, password: string, userInputs: string[]): Promise<StrengthVerdict> {
  clearTimeout(idleTimer)
  checker ??= startChecker(script)
  const c = checker
  await c.ready
  const id = nextId++
  let timer: NodeJS.Timeout | undefined
  const verdict = new Promise<StrengthVerdict>((resolve, reject) => {
    c.pending.set(id, { resolve, reject })
    timer = setTimeout(() => {
      c.pending.delete(id)
      if (checker === c) checker = undefined
      c.child.kill('SIGKILL')
      reject(new Error('the password checker did not answer in time'))
    }, CHECK_TIMEOUT_MS)
  })
  c.child.send({ id, password, userInputs })
  try { return await verdict }
  finally {
    clearTimeout(timer)
    if (!c.pending.size) {
      clearTimeout(idleTimer)
      idleTimer = setTimeout(() => { if (checker === c && !c.pending.size) { checker = undefined; c.child.disconnect() } }, IDLE_MS)
      idleTimer.unref()
    }
  }
}

async function verdictHere(password: string, userInputs: string[]): Promise<string | null> {
  const { passwordProblem } = await import('#shared/auth/password-strength')
  return passwordProblem(password, userInputs)
}

/** Why the password is refused, as one sentence, or null when it is good enough. */
export async function passwordProblemChecked(password: string, userInputs: string[] = []): Promise<string | null> {
  const length = passwordLengthProblem(password)
  if (length) return length
  const script = checkerScript()
  if (!script) return verdictHere(password, userInputs)
  try {
    return weakPasswordProblem(await verdictFromProcess(script, password, userInputs.filter(Boolean)))
  }
  catch (err) {
    console.error(`[password-check] ${(err as Error).message}; checked in the app's own process instead`)
    return verdictHere(password, userInputs)
  }
}
