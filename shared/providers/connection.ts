/**
 * What a connection test says, as a code and its specifics: the API sends them beside the English
 * `message` (POST /api/hosting/providers/{provider}/test, and an account's `last_test`), the pages
 * show `provider.test.<code>` in the reader's language. A failed test carries the refusal's code
 * (`provider_auth`, `timeout`, …; `connection_failed` when there is none).
 */
export const CONNECTION_CODES = [
  'connected', 'connected_version', 'connected_balance', 'connected_datacenters', 'connected_orders', 'connected_orders_balance',
] as const
export type ConnectionCode = (typeof CONNECTION_CODES)[number]
export const CONNECTION_FAILURE_CODES = [
  'not_supported', 'provider_auth', 'not_found', 'conflict', 'invalid_request', 'rate_limited', 'upstream_error', 'bad_response', 'timeout', 'network_error', 'connection_failed',
] as const
export type ConnectionParams = Record<string, string | number>
