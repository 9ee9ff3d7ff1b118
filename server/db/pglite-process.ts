/**
 * The embedded database (no DATABASE_URL) runs in a child process of its own (pglite-server.mjs):
 * PGlite's CPU and memory stay off the web server's thread, and the app talks to it over the
 * PostgreSQL protocol, through the same `pg` pool, migrator and pg-boss setup as PostgreSQL.
 *
 * The socket is a unix socket in a fresh private folder (mode 0700): PGlite's server asks for
 * no password, so no other local user may reach it, and there is no port that could be taken.
 * The child dies with the app: it exits when its IPC channel closes (the app exited or was
 * killed), and the app sends it SIGTERM on its way out. If it cannot start (its data folder is
 * owned by another process, PGlite fails), start-up fails with the child's own reason.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findBesideBuild } from './build-files'

export interface PgliteProcess {
  /** `pg` connection settings: a unix socket is named by its folder and a port. */
  connection: { host: string, port: number, user: string, database: string }
  pid: number
  stop: () => Promise<void>
}

/** Only names the socket file (`.s.PGSQL.5432`), as PostgreSQL clients expect. */
const SOCKET_PORT = 5432
/** A fresh data folder takes a few seconds to initialise; a loaded machine, more. */
const START_TIMEOUT_MS = 90_000
const STOP_TIMEOUT_MS = 10_000

export function findPgliteServerScript(): string {
  const found = findBesideBuild(['pglite-server.mjs', 'server/db/pglite-server.mjs'])
  if (!found) throw new Error('pglite-server.mjs not found next to the server (it is copied there by the build)')
  return found
}

/**
 * Starts PGlite on `dataDir` in a child process and resolves once it accepts connections.
 * `maxConnections` is what the app's pool may open; the server allows one more, for the
 * readiness probe and a connection being replaced while its socket closes (neither sends).
 */
export async function startPgliteProcess(dataDir: string, maxConnections: number): Promise<PgliteProcess> {
  const socketDir = mkdtempSync(join(tmpdir(), 'panel-db-'))
  const socketPath = join(socketDir, `.s.PGSQL.${SOCKET_PORT}`)
  const child = spawn(process.execPath, [findPgliteServerScript(), dataDir, socketPath, String(maxConnections + 1)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let reason: string | undefined
  let exitCode: number | null | undefined
  child.on('message', (m: { error?: string }) => { if (m?.error) reason = m.error })
  child.on('error', (err) => { reason ??= err.message })
  const exited = new Promise<void>(resolve => child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? -1 : 0)
    resolve()
  }))
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)
  const cleanUp = () => {
    process.off('exit', killOnExit)
    rmSync(socketDir, { recursive: true, force: true })
  }

  try {
    const deadline = Date.now() + START_TIMEOUT_MS
    while (!(await accepts(socketPath))) {
      if (exitCode !== undefined) throw new Error(`embedded database process exited with code ${exitCode}${reason ? `: ${reason}` : ''}`)
      if (Date.now() > deadline) throw new Error(`embedded database process did not accept connections within ${START_TIMEOUT_MS / 1000} s`)
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }
  catch (err) {
    child.kill('SIGKILL')
    await exited
    cleanUp()
    throw err
  }

  let stopping = false
  // A database that goes away under a running app leaves it unable to do anything: stop, so
  // the supervisor restarts both, as a failed start-up does.
  void exited.then(() => {
    if (stopping) return
    cleanUp()
    console.error(`[db] embedded database process exited with code ${exitCode}${reason ? `: ${reason}` : ''}, stopping`)
    process.exit(1)
  })
  // Neither the child nor its channel keeps a script's event loop alive: when the script is done,
  // the channel closes and the child closes the database.
  child.unref()
  ;(child as unknown as { channel?: { unref(): void } }).channel?.unref()

  return {
    connection: { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' },
    pid: child.pid!,
    async stop() {
      if (stopping) return
      stopping = true
      if (exitCode === undefined) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
        await exited
        clearTimeout(timer)
      }
      cleanUp()
    },
  }
}

/** Whether something accepts connections on the unix socket (a connection opened and closed). */
function accepts(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
