import { countUsers } from '../../services/users'

export default defineEventHandler(async () => ({ needsSetup: (await countUsers()) === 0 }))
