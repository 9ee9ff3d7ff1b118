/**
 * Vuetify's own words (table footers, "Sort by", "No data available") in English, under $vuetify
 * (vuetify-nuxt-module's adapter reads them through vue-i18n). A locale file, not i18n.config.ts:
 * that config is deep-copied on every server request and sits in the entry chunk with both
 * languages; a locale file is loaded once, and only for its language (performance, issue 13).
 */
import { en } from 'vuetify/locale'

export default { $vuetify: en }
