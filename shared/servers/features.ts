/**
 * What a customer may do on a server beyond power and reinstall, granted per plan by an admin
 * (`plans.customer_features`). Admins may always do all of it.
 */
export const CUSTOMER_FEATURES = ['graphs', 'console', 'snapshots', 'backups_restore', 'ptr', 'firewall', 'recovery', 'settings'] as const
export type CustomerFeature = (typeof CUSTOMER_FEATURES)[number]
