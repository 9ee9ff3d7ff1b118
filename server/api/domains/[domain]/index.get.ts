/** The same handler as the account-keyed route: with no `{provider}` in the path the domain is found by its name (white label). */
export { default } from '#server/api/hosting/providers/[provider]/domains/[domain]/index.get'
