import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Router, SimRequest, SimResponse } from './router'
import type { SimulatorName } from '../providers/registry'

export type ProviderName = SimulatorName

export interface SimOptions {
  /** How long a transition (pending → running, stopping → stopped, …) takes. */
  transitionMs: number
}

/**
 * One provider's simulated API. `router` gets paths below `prefix`; `authorize` runs first and
 * answers the provider's own 401 shape; `reset` restores the seed fixture.
 */
export interface Simulator {
  name: ProviderName
  /** Mount point on the sandbox server, e.g. `/virtfusion/api/v1`. */
  prefix: string
  router: Router
  authorize(req: SimRequest): SimResponse | null
  /** The provider's answer for an unknown path (its own 404 shape). */
  notFound(req: SimRequest): SimResponse
  reset(): void
  /**
   * Answer fields no provider document names, for strict mode (see core/strict.ts). Absent for
   * providers whose answers are pruned to their OpenAPI examples instead (VirtFusion).
   */
  undocumented?(req: SimRequest): string[]
  /** Provider-specific state for tests (read-only use). */
  state: unknown
  /**
   * A websocket upgrade below the provider's panel root (`prefix` without its API part), e.g.
   * VirtFusion's VNC proxy at `/vnc/?token=`. Answers false when the path is not its own.
   */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean
  /**
   * A page of the provider's own panel (outside its API prefix), as a browser opens it: e.g.
   * VirtFusion's one-time sign-in link `/token_authenticate/?1=…&2=…`. Null when the path is not its own.
   */
  page?(method: string, url: URL): SimResponse | null
  /** Stops what the simulator started outside this process (the VNC display). */
  close?(): void
}

export type SimulatorFactory = (opts: SimOptions) => Simulator

/** What an account needs to reach one simulator: the key it accepts, extra settings, its mount point. */
export interface SandboxAccount { api_key: string, extra: Record<string, string>, base_path: string }

/** One simulator as the registry lists it. */
export interface SimulatorDefinition { create: SimulatorFactory, account: SandboxAccount }
