import { countUsers } from '#server/services/users'

export default defineEventHandler(async () => ({ needsSetup: (await countUsers()) === 0 }))
