/**
 * vue-i18n options beside the message files. Russian counts in three forms (1 сервер, 2 сервера,
 * 5 серверов): a message with three `|`-separated forms picks one by Intl's plural category.
 * Messages with two forms (English style: "one | many") work in both languages.
 */
import { en as vuetifyEn, ru as vuetifyRu } from 'vuetify/locale'

const russianPlural = new Intl.PluralRules('ru')
const RU_FORM = { one: 0, few: 1, many: 2, other: 2 } as Record<string, number>

export default defineI18nConfig(() => ({
  fallbackLocale: 'en',
  // Vuetify's own words (a table's "1-10 of 30", "No data available", a dialog's Close) come through
  // vue-i18n once @nuxtjs/i18n is present (vuetify-nuxt-module's adapter), under `$vuetify`.
  messages: { en: { $vuetify: vuetifyEn }, ru: { $vuetify: vuetifyRu } },
  pluralRules: {
    ru: (choice: number, choicesLength: number) => {
      if (choicesLength < 3) return choice === 1 ? 0 : 1
      return RU_FORM[russianPlural.select(choice)] ?? 2
    },
  },
}))
