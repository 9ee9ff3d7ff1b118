/**
 * What a customer may do on a server beyond power and reinstall, granted per plan by an admin
 * (`plans.customer_features`). Admins may always do all of it.
 */
export const CUSTOMER_FEATURES = ['graphs', 'console', 'snapshots', 'backups_restore', 'ptr', 'firewall', 'recovery', 'settings', 'ip_addresses', 'backup_plan'] as const
export type CustomerFeature = (typeof CUSTOMER_FEATURES)[number]
/**
 * What a new plan grants (and a server assigned without an order): everything but what spends
 * money at the provider (adding addresses, a backup plan), which an admin grants on purpose.
 */
export const PAID_FEATURES: readonly CustomerFeature[] = ['ip_addresses', 'backup_plan']
export const DEFAULT_CUSTOMER_FEATURES: CustomerFeature[] = CUSTOMER_FEATURES.filter(f => !PAID_FEATURES.includes(f))
