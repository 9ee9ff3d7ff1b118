/** The drawer: one line a page. `admin` items are hidden from customers, `customer` ones from admins. */
export interface NavItem { title: string, icon: string, to: string, admin?: boolean, customer?: boolean }

export const NAV_ITEMS: NavItem[] = [
  { title: 'Dashboard', icon: 'mdi-view-dashboard-outline', to: '/' },
  { title: 'Servers', icon: 'mdi-server', to: '/servers' },
  { title: 'Order a server', icon: 'mdi-cart-plus', to: '/order', customer: true },
  { title: 'Orders', icon: 'mdi-receipt-text-outline', to: '/orders' },
  { title: 'DNS', icon: 'mdi-dns', to: '/dns' },
  { title: 'Domains', icon: 'mdi-web', to: '/domains' },
  { title: 'SSH keys', icon: 'mdi-key-variant', to: '/ssh-keys' },
  { title: 'Billing', icon: 'mdi-cash-multiple', to: '/billing', admin: true },
  { title: 'Plans', icon: 'mdi-package-variant-closed', to: '/plans', admin: true },
  { title: 'Providers', icon: 'mdi-cloud-outline', to: '/providers', admin: true },
  { title: 'Users', icon: 'mdi-account-multiple-outline', to: '/users', admin: true },
  { title: 'Audit log', icon: 'mdi-clipboard-text-clock-outline', to: '/audit', admin: true },
  { title: 'Purchase review', icon: 'mdi-scale-balance', to: '/admin/intents', admin: true },
  { title: 'API tokens', icon: 'mdi-key-chain-variant', to: '/account/tokens' },
]
