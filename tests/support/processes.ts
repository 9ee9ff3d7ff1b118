/** Processes seen through /proc (Linux): a process's resident memory, the children running a script. Shared by the server tests and the benchmark. */
import { readdirSync, readFileSync } from 'node:fs'

/** VmRSS of `pid` in MB, or NaN where /proc cannot tell. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : NaN
  }
  catch { return NaN }
}

/** The pids of `parent`'s children whose command line names `script`. */
export function childPids(parent: number, script: string): number[] {
  const found: number[] = []
  let entries: string[]
  try { entries = readdirSync('/proc') }
  catch { return found }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) found.push(Number(entry))
    }
    catch { /* ended while we looked */ }
  }
  return found
}
