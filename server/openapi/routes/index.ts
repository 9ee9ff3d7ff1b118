/**
 * Every route group of the document, one file per domain. A new route file under server/api
 * gets one entry in its domain's file (or a new file listed here).
 */
import type { RouteGroup } from '../define'
import alerts from './alerts'
import audit from './audit'
import billing from './billing'
import brand from './brand'
import consoleFirewall from './console-firewall'
import dns from './dns'
import domains from './domains'
import intents from './intents'
import invoices from './invoices'
import dashboard from './dashboard'
import notifications from './notifications'
import payments from './payments'
import portal from './portal'
import providers from './providers'
import reference from './reference'
import serverOps from './server-ops'
import servers from './servers'
import session from './session'
import sshKeys from './ssh-keys'
import testOnly from './test-only'
import users from './users'

export const ROUTE_GROUPS: RouteGroup[] = [session, users, servers, serverOps, consoleFirewall, intents, providers, dns, domains, sshKeys, billing, portal, invoices, payments, notifications, alerts, dashboard, audit, reference, testOnly, brand]
