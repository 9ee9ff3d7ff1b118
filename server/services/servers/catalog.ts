/** What the create wizard offers for one account: plans, OS templates, data centers. */
import { adapterForSlug } from '../provider-accounts'

export async function listPlans(slug: string) {
  const { adapter } = await adapterForSlug(slug)
  return adapter.listPlans()
}

export async function listTemplates(slug: string, plan?: string) {
  const { adapter } = await adapterForSlug(slug)
  return adapter.listTemplates(plan ? { plan } : {})
}

/** The seed's shape: id, name, location, country. */
export async function listDatacenters(slug: string) {
  const { adapter } = await adapterForSlug(slug)
  return (await adapter.listDatacenters()).map(d => ({ id: d.id, name: d.name, location: d.location, country: d.country }))
}
