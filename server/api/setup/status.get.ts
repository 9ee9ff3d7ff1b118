import { countUsers } from '#server/services/users'
import type { SetupStatus } from '#shared/schemas/users'

export default defineEventHandler(async (): Promise<SetupStatus> => ({ needs_setup: (await countUsers()) === 0 }))
