/** The drawer: one line a page; `key` names its title under app.nav in the message files. `admin` items are hidden from customers, `customer` ones from admins. */
export interface NavItem { key: string, icon: string, to: string, admin?: boolean, customer?: boolean }

export const NAV_ITEMS: NavItem[] = [
  { key: 'dashboard', icon: 'mdi-view-dashboard-outline', to: '/' },
  { key: 'servers', icon: 'mdi-server', to: '/servers' },
  { key: 'order', icon: 'mdi-cart-plus', to: '/order', customer: true },
  { key: 'orders', icon: 'mdi-receipt-text-outline', to: '/orders' },
  { key: 'invoices', icon: 'mdi-file-document-multiple-outline', to: '/invoices', customer: true },
  { key: 'adminInvoices', icon: 'mdi-file-document-multiple-outline', to: '/admin/invoices', admin: true },
  { key: 'dns', icon: 'mdi-dns', to: '/dns' },
  { key: 'domains', icon: 'mdi-web', to: '/domains' },
  { key: 'sshKeys', icon: 'mdi-key-variant', to: '/ssh-keys' },
  { key: 'billing', icon: 'mdi-cash-multiple', to: '/billing', admin: true },
  { key: 'plans', icon: 'mdi-package-variant-closed', to: '/plans', admin: true },
  { key: 'providers', icon: 'mdi-cloud-outline', to: '/providers', admin: true },
  { key: 'firewalls', icon: 'mdi-wall-fire', to: '/firewalls', admin: true },
  { key: 'users', icon: 'mdi-account-multiple-outline', to: '/users', admin: true },
  { key: 'audit', icon: 'mdi-clipboard-text-clock-outline', to: '/audit', admin: true },
  { key: 'intents', icon: 'mdi-scale-balance', to: '/admin/intents', admin: true },
  { key: 'alerts', icon: 'mdi-bell-ring-outline', to: '/admin/alerts', admin: true },
  { key: 'brand', icon: 'mdi-palette-outline', to: '/admin/brand', admin: true },
  { key: 'payments', icon: 'mdi-credit-card-outline', to: '/admin/payments', admin: true },
  { key: 'apiTokens', icon: 'mdi-key-chain-variant', to: '/account/tokens' },
]
