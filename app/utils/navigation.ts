/** The drawer: one line a page. `admin` items are hidden from customers. */
export interface NavItem { title: string, icon: string, to: string, admin?: boolean, customer?: boolean }

export const NAV_ITEMS: NavItem[] = [
  { title: 'Dashboard', icon: 'mdi-view-dashboard-outline', to: '/' },
  { title: 'Servers', icon: 'mdi-server', to: '/servers' },
  { title: 'Providers', icon: 'mdi-cloud-outline', to: '/providers', admin: true },
  { title: 'Users', icon: 'mdi-account-multiple-outline', to: '/users', admin: true },
  { title: 'API tokens', icon: 'mdi-key-chain-variant', to: '/account/tokens' },
]
