import { getBrand } from '#server/services/brand'

/** Public: the login page and every page render with the brand. */
export default defineEventHandler(() => getBrand())
