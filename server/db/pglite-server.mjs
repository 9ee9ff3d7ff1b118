// @ts-check
/**
 * The embedded database's own process: PGlite on a data folder, served over the PostgreSQL wire
 * protocol on a unix socket, so the app reaches it through the same `pg` pool as PostgreSQL and
 * PGlite's work (and memory) stays off the web server's thread. Started by pglite-process.ts as
 * `node pglite-server.mjs <data dir> <socket path> <max connections>`, with an IPC channel.
 *
 * Plain JavaScript, not TypeScript: node runs it as it is, from the source tree (dev, scripts)
 * or from next to the built server (nuxt.config.ts copies it there).
 *
 * It lives only as long as its parent: when the IPC channel closes (the app exited, was killed,
 * or closed the database) it closes PGlite, which writes its files, and exits. One process at a
 * time may own a data folder (PGlite has no lock of its own; two writers would corrupt it), so
 * it holds `<data dir>.lock` with its pid; a lock whose process is gone is taken over.
 */
import { readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const [dataDir = '', socketPath = '', maxConnections] = process.argv.slice(2)
const lockFile = dataDir.startsWith('memory://') ? undefined : `${dataDir}.lock`
/** How long a previous owner (an app that is just stopping) may take to let go of the folder. */
const LOCK_WAIT_MS = 10_000

/** @type {PGlite | undefined} */
let db
/** @type {PGLiteSocketServer | undefined} */
let server
let ownsLock = false
let stopping = false

process.on('disconnect', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
process.on('SIGINT', () => void stop(0))

try {
  if (!dataDir || !socketPath) throw new Error('usage: pglite-server.mjs <data dir> <socket path> [max connections]')
  if (lockFile) ownsLock = await takeLock(lockFile)
  // pg_trgm backs the server search index (migration 0006); PGlite ships it as an extension.
  db = await PGlite.create(dataDir, { extensions: { pg_trgm } })
  // Connections share PGlite's one session; the app opens one (see EMBEDDED_POOL_MAX in client.ts).
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: Number(maxConnections) || 1 })
  await server.start()
  process.send?.({ listening: socketPath })
}
catch (err) {
  fail(err)
}

/** @param {unknown} err */
function fail(err) {
  const message = err instanceof Error ? err.message : String(err)
  process.send?.({ error: message }, undefined, undefined, () => void stop(1))
  if (!process.send) void stop(1)
}

/** @param {number} code */
async function stop(code) {
  if (stopping) return
  stopping = true
  try {
    await server?.stop()
    // Before closing PGlite, which may fail (its folder removed under it): the socket's folder is
    // in the shared temporary folder, and nothing else would remove it.
    removeSocket()
    await db?.close()
  }
  catch (err) {
    console.error('[db] embedded database did not close cleanly:', err instanceof Error ? err.message : err)
    code = code || 1
  }
  finally {
    removeSocket()
    if (lockFile && ownsLock) releaseLock(lockFile)
    process.exit(code)
  }
}

/** @param {string} file */
async function takeLock(file) {
  const deadline = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
      return true
    }
    catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err
    }
    const holder = Number(readFileSync(file, 'utf8').trim())
    if (!isOurKind(holder)) {
      rmSync(file, { force: true })
      continue
    }
    if (Date.now() > deadline) throw new Error(`${dataDir} is in use by another embedded database process (pid ${holder}, see ${file})`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

/** A live process of this script (not a process that reused the pid of one that died). */
function isOurKind(/** @type {number} */ pid) {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try { process.kill(pid, 0) }
  catch (err) { return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM' }
  try { return readText(`/proc/${pid}/cmdline`).includes('pglite-server') }
  catch { return true }
}

/**
 * A file's text. The build traces this script's file reads to ship the files they name; a path
 * passed in here is not followed (it would try /proc/<every pid>).
 * @param {string} file
 */
function readText(file) {
  return readFileSync(file, 'utf8')
}

/** The socket and the private folder the app made for it (only when empty). */
function removeSocket() {
  if (!socketPath) return
  rmSync(socketPath, { force: true })
  try { rmdirSync(dirname(socketPath)) }
  catch { /* not empty, or already gone */ }
}

/** @param {string} file */
function releaseLock(file) {
  try {
    if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true })
  }
  catch { /* already gone */ }
}
