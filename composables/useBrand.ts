/**
 * The brand (white label) for the whole app: read once per page load (SSR included, before
 * sign-in too) and shared through useState; `applyBrandTheme` puts its colours on Vuetify's light
 * and dark themes so the server renders them (no flash). The brand page's preview and save call
 * it again.
 */
import type { ThemeInstance } from 'vuetify'
import type { BrandView } from '~~/shared/schemas/brand'

export const DEFAULT_BRAND: BrandView = {
  name: 'Hosting panel', primary_color: '#1f6feb', secondary_color: '#6e40c9', primary_color_dark: '#58a6ff', secondary_color_dark: '#a371f7',
  support_email: '', support_url: '', portal_domain: '', logo_url: null,
}

export function useBrand() {
  return useState<BrandView>('brand', () => DEFAULT_BRAND)
}

/** Loads the brand into useBrand() (once per app; a failed read keeps the defaults). */
export async function loadBrand() {
  const brand = useBrand()
  const { data } = await useFetch<BrandView>('/api/brand', { key: 'brand-fetch', dedupe: 'defer' })
  if (data.value) brand.value = data.value
  return brand
}

export function applyBrandTheme(theme: ThemeInstance, b: Pick<BrandView, 'primary_color' | 'secondary_color' | 'primary_color_dark' | 'secondary_color_dark'>) {
  const { light, dark } = theme.themes.value
  if (light) Object.assign(light.colors, { 'primary': b.primary_color, 'secondary': b.secondary_color, 'on-primary': '#ffffff', 'on-secondary': '#ffffff' })
  if (dark) Object.assign(dark.colors, { 'primary': b.primary_color_dark, 'secondary': b.secondary_color_dark, 'on-primary': '#1f1f1f', 'on-secondary': '#1f1f1f' })
}
