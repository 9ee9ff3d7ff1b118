/**
 * Every simulator the sandbox runs, one line each: a new provider's simulator is its folder under
 * sandbox/providers/ (with account.ts and a SimulatorDefinition in index.ts) and one line here.
 */
import { hostinger } from './hostinger'
import { inferno } from './inferno'
import { virtfusion } from './virtfusion'
import { virtua } from './virtua'

export const SIMULATORS = { virtfusion, virtua, hostinger, inferno }

export type SimulatorName = keyof typeof SIMULATORS
