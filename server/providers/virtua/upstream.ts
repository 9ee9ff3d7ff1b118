/**
 * Virtua.cloud answers as the mappers read them (github.com/Virtua-Cloud/api). Numbers and
 * flags arrive as numbers, numeric strings or "0"/"1", so they are `unknown` and read with num()
 * and flag(); a server record may carry more than the documented fields (see collectIps).
 */

export interface VirtuaZone { country_code?: string, country_name?: string, city_name?: string, datacenter_name?: string, timezone?: string }

/** GET /cloud-server/{uuid} and the entries of GET /cloud-servers. */
export interface VServer {
  uuid?: string
  name?: unknown
  label?: unknown
  hostname?: unknown
  status?: unknown
  is_suspended?: unknown
  suspension_reason?: unknown
  is_error?: unknown
  is_processing?: unknown
  setup_step?: unknown
  is_setup?: unknown
  vcpus?: unknown
  memory_size?: unknown
  root_space?: unknown
  start_time?: unknown
  system?: { name?: unknown, uuid?: unknown } | null
  offer?: { uuid?: unknown } | null
  cloud_zone?: VirtuaZone | null
  success?: boolean
  /** Undocumented fields (addresses where the API adds them). */
  [key: string]: unknown
}

/** GET /cloud/offers entries. */
export interface VOffer {
  uuid?: string
  name?: unknown
  category?: unknown
  vcpus?: unknown
  memory_size?: unknown
  root_space?: unknown
  root_disk_type?: unknown
  bandwidth?: unknown
  price_month?: unknown
  is_windows_included?: unknown
  cloud_zone?: VirtuaZone
}

/** GET /cloud/systems entries. */
export interface VSystem { uuid?: string, name?: unknown, distribution?: unknown }

/** GET /account. */
export interface VAccount {
  balance?: unknown
  currency?: unknown
  monthly_cloud_usage?: unknown
  monthly_cloud_usage_estimate?: unknown
  today_cloud_usage?: unknown
  [key: string]: unknown
}

/** GET /cloud/limits: counters in use, and the account's limits (plus permission flags). */
export interface VLimits { usage?: Record<string, unknown>, limits?: Record<string, unknown> }
