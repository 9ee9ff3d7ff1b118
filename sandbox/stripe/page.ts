/** The stand-in's hosted Checkout page: the amount, what it is for, and Pay / Cancel. */
import type { CheckoutSession } from './state'

const esc = (s: string) => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)

export function formatAmount(minor: number, currency: string): string {
  try { return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(minor / 100) }
  catch { return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}` }
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f6f8fa;color:#1a1f36;margin:0;display:flex;justify-content:center}
main{background:#fff;margin:2rem 1rem;padding:2rem;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.1);max-width:28rem;width:100%}
h1{font-size:1.25rem;margin:0 0 .5rem}.amount{font-size:2rem;font-weight:600;margin:.5rem 0 1rem}
ul{padding-left:1.2rem}.actions{display:flex;gap:.75rem;margin-top:1.5rem}
button{font-size:1rem;padding:.7rem 1.4rem;border-radius:6px;border:1px solid #4b3fd1;cursor:pointer}
.pay{background:#4b3fd1;color:#fff}.cancel{background:#fff;color:#4b3fd1}
.note{color:#4f566b;font-size:.875rem}
</style></head><body><main>${body}</main></body></html>`
}

export function checkoutPage(s: CheckoutSession): string {
  const lines = s.line_items.map(l => `<li>${esc(l.description)} × ${l.quantity}: ${esc(formatAmount(l.amount_total, l.currency))}</li>`).join('')
  if (s.status !== 'open') {
    return layout('Checkout', `<h1>This checkout session is ${esc(s.status)}</h1><p class="note">Session ${esc(s.id)}</p>`)
  }
  return layout('Pay — Stripe sandbox Checkout', `
<h1>Stripe sandbox Checkout</h1>
<p class="note">Test mode: no real money moves.</p>
<p class="amount" aria-label="Total">${esc(formatAmount(s.amount_total, s.currency))}</p>
<ul aria-label="Items">${lines}</ul>
<form method="post" class="actions">
  <button type="submit" name="action" value="pay" class="pay">Pay</button>
  <button type="submit" name="action" value="cancel" class="cancel">Cancel</button>
</form>`)
}
