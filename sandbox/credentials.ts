/**
 * The keys the sandbox accepts, and where each simulator is mounted. Test-only values: the
 * sandbox is never a real provider. `extra` is what an account needs besides the key (Inferno's
 * client id, VirtFusion's defaults). The app reads these from the running sandbox
 * (`GET /__sandbox/credentials`), never by import: the simulators stay out of its build.
 */
import type { SandboxAccount } from './core/simulator'
import { SIMULATORS, type SimulatorName } from './providers/registry'

export const SANDBOX_CREDENTIALS = Object.fromEntries(
  Object.entries(SIMULATORS).map(([name, sim]) => [name, sim.account]),
) as Record<SimulatorName, SandboxAccount>

/** Base URL an adapter uses for each simulator, given the sandbox origin. */
export function sandboxBaseUrl(origin: string, provider: SimulatorName): string {
  return `${origin}${SANDBOX_CREDENTIALS[provider].base_path}`
}
