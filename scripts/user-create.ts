/**
 * `npm run user:create -- --email admin@example.com --name Ann --password 'long-and-hard-to-guess' [--role admin|customer]`
 * Headless first admin (or any user). The first user is an admin unless told otherwise.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { closeDb } from '../server/db/client'
import { countUsers, createUser } from '../server/services/users'
import { passwordSchema } from '../server/utils/schemas'

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } } })
const first = (await countUsers()) === 0
const parsed = await z.object({
  email: z.email(),
  name: z.string().min(1),
  password: passwordSchema,
  role: z.enum(['admin', 'customer']),
}).safeParseAsync({ ...values, password: values.password ?? process.env.USER_PASSWORD, role: values.role ?? (first ? 'admin' : 'customer') })
if (!parsed.success) {
  console.error('usage: npm run user:create -- --email admin@example.com --name Ann --password <at least 12 chars, hard to guess> [--role admin|customer]')
  console.error(parsed.error.issues.map(i => `  ${i.path.join('.')}: ${i.message}`).join('\n'))
  process.exit(2)
}
try {
  const u = await createUser(parsed.data)
  console.log(`created ${u.role} ${u.email} (${u.id})`)
}
catch (e) {
  console.error((e as Error).message)
  process.exitCode = 1
}
await closeDb()
