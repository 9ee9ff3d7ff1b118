import { z } from 'zod'

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')).pipe(z.string().max(254))
export const passwordSchema = z.string().min(10, 'Passwords need at least 10 characters').max(200, 'Passwords can have at most 200 characters')
export const nameSchema = z.string().trim().min(1, 'Name is required').max(100)
export const uuidParam = z.string().uuid('Not a valid id')
