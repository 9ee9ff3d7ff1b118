/** Path parameters many routes share. */
import { z } from 'zod'
import { uuidParam } from '../utils/schemas'

/** `/{id}` where the id is one of our rows (a UUID). */
export const idParams = z.object({ id: uuidParam })
