/** The drawer: one line a page. `admin` items are hidden from customers. */
export interface NavItem { title: string, icon: string, to: string, admin?: boolean, customer?: boolean }

export const NAV_ITEMS: NavItem[] = [
  { title: 'Dashboard', icon: 'mdi-view-dashboard-outline', to: '/' },
  { title: 'Providers', icon: 'mdi-cloud-outline', to: '/providers', admin: true },
  { title: 'Users', icon: 'mdi-account-multiple-outline', to: '/users', admin: true },
  { title: 'Order a server', icon: 'mdi-cart-plus', to: '/order', customer: true },
  { title: 'Plans', icon: 'mdi-package-variant-closed', to: '/plans', admin: true },
  { title: 'Orders', icon: 'mdi-receipt-text-outline', to: '/orders' },
  { title: 'API tokens', icon: 'mdi-key-chain-variant', to: '/account/tokens' },
]
