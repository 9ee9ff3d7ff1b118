/** `npm run db:migrate`: apply drizzle/ migrations to DATABASE_URL or the embedded PGlite. */
import { closeDb, useDbHandle } from '../server/db/client'

const h = await useDbHandle()
console.log(`migrations applied (${h.kind})`)
await closeDb()
