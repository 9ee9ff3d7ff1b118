/** The admin dashboard as GET /api/admin/dashboard answers it: each tile's numbers and the few rows behind them. */
import { z } from 'zod'
import { isoDate, obj, type View } from './define'

const account = obj({ slug: z.string(), display_name: z.string(), type: z.string() })
const count = z.number().int().min(0)

const watchItem = obj({
  account,
  subject: z.string().meta({ description: 'Domain name, or the subscription id' }),
  label: z.string().nullable().meta({ description: 'Subscription name (null for a domain)' }),
  due_at: isoDate,
  days_left: z.number().int().meta({ description: 'Negative once the date has passed' }),
  auto_renew: z.boolean().nullable(),
})
const watchTile = obj({
  total: count,
  items: z.array(watchItem).meta({ description: 'The soonest first, at most 5' }),
  observed_at: isoDate.nullable().meta({ description: 'When the providers were last read (null: never yet)' }),
})

export const adminDashboard = obj({
  servers: obj({
    total: count,
    by_status: z.record(z.string(), count),
    by_account: z.array(obj({ account, count })),
  }),
  provisioning: obj({
    since: isoDate,
    done: count,
    running: count,
    failed: count,
    needs_review: count.meta({ description: 'Exactly-once intents waiting for an admin (all time)' }),
  }),
  orders_awaiting: obj({ pending: count, running: count, failed: count }),
  domains_expiring: watchTile.meta({ description: 'Domains expiring within 30 days, or expired' }),
  renewals_due: watchTile.meta({ description: 'Subscriptions renewing within 14 days' }),
  low_balances: z.array(obj({ account, currency: z.string(), balance: z.number(), threshold: z.number(), day: z.string() })),
  sync_failing: z.array(obj({ account, error: z.string(), last_attempt_at: isoDate.nullable(), last_success_at: isoDate.nullable() })),
  recent_activity: z.array(obj({ id: z.number().int(), at: isoDate, action: z.string(), target: z.string().nullable(), result: z.enum(['success', 'failure']), actor: z.string().nullable() })),
}).meta({ id: 'AdminDashboard' })
export type AdminDashboardView = View<typeof adminDashboard>
