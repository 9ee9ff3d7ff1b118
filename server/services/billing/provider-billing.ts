/**
 * The per-provider billing routes (`/api/hosting/providers/{provider}/balance|limits|…`):
 * one adapter call each. What a provider cannot do is the adapter's NotSupportedError (→ 501).
 */
import { adapterForSlug } from '../provider-accounts'
import type { BalanceOut, CatalogItemOut, LimitOut, OrderOut, PaymentMethodOut, SubscriptionOut } from '#shared/billing/types'
import { balanceOut, catalogItemOut, limitOut, orderOut, paymentMethodOut, subscriptionOut } from './shapes'

export async function providerBalance(slug: string): Promise<BalanceOut[]> {
  const { adapter } = await adapterForSlug(slug)
  return (await adapter.getBalance()).map(balanceOut)
}

export async function providerLimits(slug: string): Promise<LimitOut[]> {
  const { adapter } = await adapterForSlug(slug)
  return (await adapter.getLimits()).map(limitOut)
}

export async function providerSubscriptions(slug: string): Promise<SubscriptionOut[]> {
  const { adapter } = await adapterForSlug(slug)
  return (await adapter.listSubscriptions()).map(subscriptionOut)
}

export async function providerCatalog(slug: string): Promise<CatalogItemOut[]> {
  const { adapter } = await adapterForSlug(slug)
  return (await adapter.listCatalog()).map(catalogItemOut)
}

export async function providerPaymentMethods(slug: string): Promise<PaymentMethodOut[]> {
  const { adapter } = await adapterForSlug(slug)
  return (await adapter.listPaymentMethods()).map(paymentMethodOut)
}

export async function providerOrders(slug: string): Promise<OrderOut[]> {
  const { adapter } = await adapterForSlug(slug)
  return (await adapter.listOrders()).map(orderOut)
}

/** The adapter refuses an order that is not pending with a 409 carrying the provider's reason. */
export async function cancelProviderOrder(slug: string, id: string): Promise<{ status: 'cancelled' }> {
  const { adapter } = await adapterForSlug(slug)
  await adapter.cancelOrder(id)
  return { status: 'cancelled' }
}
