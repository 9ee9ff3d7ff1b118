/**
 * An alert in words, on the server: e-mails, webhooks and the English fallback stored with each
 * notice render from the same message files the browser uses (i18n/locales/<lang>/alerts.json).
 */
import en from '../../../i18n/locales/en/alerts.json'
import ru from '../../../i18n/locales/ru/alerts.json'
import { fillPlaceholders, type AlertKind, type AlertParams } from '#shared/alerts/kinds'

export type AlertLocale = 'en' | 'ru'
type Messages = typeof en.alerts
const MESSAGES: Record<AlertLocale, Messages> = { en: en.alerts, ru: ru.alerts }

export function alertLocale(locale: string | null | undefined): AlertLocale {
  return locale === 'ru' ? 'ru' : 'en'
}

export function renderAlert(locale: AlertLocale, kind: AlertKind, params: AlertParams): { title: string, body: string } {
  const m = MESSAGES[locale].kinds[kind] ?? MESSAGES.en.kinds[kind]
  return { title: fillPlaceholders(m.title, params), body: fillPlaceholders(m.body, params) }
}

export interface AlertEmail { subject: string, text: string, html: string }

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)

/** The e-mail for one reader: their language, the product's name, a link back when the panel's address is known. */
export function renderAlertEmail(input: { locale: AlertLocale, kind: AlertKind, params: AlertParams, name: string, product: string, link?: string | null, panelUrl?: string | null, support?: string | null }): AlertEmail {
  const m = MESSAGES[input.locale].email
  const { title, body } = renderAlert(input.locale, input.kind, input.params)
  const product = input.product
  const url = input.link && input.panelUrl ? new URL(input.link, input.panelUrl).toString() : null
  const greeting = fillPlaceholders(m.greeting, { name: input.name })
  const open = fillPlaceholders(m.open, { product })
  const footer = fillPlaceholders(m.footer, { product })
  const support = input.support ? fillPlaceholders(m.support, { contact: input.support }) : null
  const text = [greeting, '', title, body, ...(url ? ['', `${open}: ${url}`] : []), '', '-- ', footer, ...(support ? [support] : [])].join('\n')
  const html = `<!doctype html><html lang="${input.locale}"><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1f">`
    + `<p>${escapeHtml(greeting)}</p><h2 style="font-size:18px">${escapeHtml(title)}</h2><p>${escapeHtml(body)}</p>`
    + (url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>` : '')
    + `<hr><p style="font-size:12px;color:#5f5f66">${escapeHtml(footer)}</p>`
    + (support ? `<p style="font-size:12px;color:#5f5f66">${escapeHtml(support)}</p>` : '')
    + '</body></html>'
  return { subject: fillPlaceholders(m.subject, { product, title }), text, html }
}

/** The "send test mail" e-mail, in the reader's language, with the brand. */
export function renderTestEmail(input: { locale: AlertLocale, name: string, product: string }): AlertEmail {
  const m = MESSAGES[input.locale].email
  const greeting = fillPlaceholders(m.greeting, { name: input.name })
  const body = fillPlaceholders(m.testBody, { product: input.product })
  return {
    subject: fillPlaceholders(m.testSubject, { product: input.product }),
    text: [greeting, '', body].join('\n'),
    html: `<!doctype html><html lang="${input.locale}"><body style="font-family:sans-serif;line-height:1.5;color:#1b1b1f"><p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p></body></html>`,
  }
}
