/**
 * vue-i18n options beside the message files. Russian counts in three forms (1 сервер, 2 сервера,
 * 5 серверов): a message with three `|`-separated forms picks one by Intl's plural category.
 * Messages with two forms (English style: "one | many") work in both languages.
 */
const russianPlural = new Intl.PluralRules('ru')
const RU_FORM = { one: 0, few: 1, many: 2, other: 2 } as Record<string, number>

export default defineI18nConfig(() => ({
  fallbackLocale: 'en',
  // Vuetify's own words come from the locale files i18n/locales/vuetify-<lang>.ts.
  pluralRules: {
    ru: (choice: number, choicesLength: number) => {
      if (choicesLength < 3) return choice === 1 ? 0 : 1
      return RU_FORM[russianPlural.select(choice)] ?? 2
    },
  },
}))
