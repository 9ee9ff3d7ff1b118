/** The same handler as the account-keyed route: with no `{provider}` in the path the zone is found by its name (white label). */
export { default } from '#server/api/hosting/providers/[provider]/dns/[domain]/snapshots/[id]/restore.post'
