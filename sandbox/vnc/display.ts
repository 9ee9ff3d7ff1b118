/**
 * A real VNC server behind the VirtFusion simulator's console: Xvfb (a virtual X screen with a
 * coloured root window and an xterm), x11vnc serving it on a loopback port with the server's VNC
 * password, and websockify turning that into a websocket. Started on the first console request
 * and reused; stopped with the sandbox. Needs the Debian packages xvfb, x11vnc, websockify, xterm.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, connect, type AddressInfo } from 'node:net'

export interface VncDisplay { display: number, vncPort: number, wsPort: number, password: string }

async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address() as AddressInfo
  await new Promise<void>(r => srv.close(() => r()))
  return port
}

/** Resolves once something accepts TCP connections on the port (polls; the process may take a moment). */
async function waitForPort(port: number, proc: ChildProcess, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with code ${proc.exitCode}`)
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1')
      s.once('connect', () => { s.destroy(); resolve(true) })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > until) throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms`)
    await new Promise(r => setTimeout(r, 100))
  }
}

export class VncDisplays {
  private procs: ChildProcess[] = []
  private starting: Promise<VncDisplay> | null = null

  /** The running display, started on first use with this VNC password. */
  ensure(password: string, label: string): Promise<VncDisplay> {
    this.starting ??= this.start(password, label).catch((err) => { this.stop(); this.starting = null; throw err })
    return this.starting
  }

  /** A sandbox process that ends without `close()` must not leave its display running. */
  private readonly onExit = () => this.stop()

  private spawn(cmd: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
    // Drained so a chatty process never blocks on a full pipe; never logged (the password is an argument).
    p.stdout?.resume()
    p.stderr?.resume()
    this.procs.push(p)
    return p
  }

  private async start(password: string, label: string): Promise<VncDisplay> {
    process.once('exit', this.onExit)
    // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it is ready;
    // -noreset: without it, the server resets (the root colour lost) when xsetroot disconnects.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1024x768x24', '-nolisten', 'tcp', '-noreset'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] })
    this.procs.push(xvfb)
    const display = await new Promise<number>((resolve, reject) => {
      let out = ''
      const fd = xvfb.stdio[3] as NodeJS.ReadableStream
      fd.on('data', (c: Buffer) => {
        out += c.toString()
        if (out.includes('\n')) resolve(Number(out.trim()))
      })
      xvfb.once('exit', code => reject(new Error(`Xvfb exited with code ${code}`)))
      xvfb.once('error', reject)
    })
    const env = { DISPLAY: `:${display}` }
    // A coloured root window and a terminal saying what this is: something to see in a screenshot.
    await new Promise<void>((resolve) => {
      const p = spawn('xsetroot', ['-solid', '#1e6fb8'], { env: { ...process.env, ...env }, stdio: 'ignore' })
      p.once('exit', () => resolve())
      p.once('error', () => resolve())
    })
    this.spawn('xterm', ['-geometry', '90x20+60+60', '-bg', '#101010', '-fg', '#7CFC00', '-T', label, '-e', 'sh', '-c', `printf '%s\\n\\n' '${label.replace(/'/g, '')}'; exec sh`], env)
    const vncPort = await freePort()
    const x11vnc = this.spawn('x11vnc', ['-display', `:${display}`, '-rfbport', String(vncPort), '-localhost', '-forever', '-shared', '-passwd', password, '-quiet'], env)
    await waitForPort(vncPort, x11vnc, 'x11vnc')
    const wsPort = await freePort()
    const ws = this.spawn('websockify', [`127.0.0.1:${wsPort}`, `127.0.0.1:${vncPort}`])
    await waitForPort(wsPort, ws, 'websockify')
    return { display, vncPort, wsPort, password }
  }

  stop() {
    for (const p of this.procs.splice(0)) {
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM')
    }
    this.starting = null
    process.off('exit', this.onExit)
  }
}
