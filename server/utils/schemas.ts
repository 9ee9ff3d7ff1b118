import { z } from 'zod'
import { passwordProblemChecked } from '../lib/password-check'

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')).pipe(z.string().max(254))
/**
 * At least 12 characters and zxcvbn score ≥ 3; the 400 carries the reason (shared with the forms).
 * An async refinement (zxcvbn runs in a process of its own): parse with `safeParseAsync`, as
 * `validBody` does.
 */
export const passwordSchema = z.string().superRefine(async (v, ctx) => {
  const problem = await passwordProblemChecked(v)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
export const nameSchema = z.string().trim().min(1, 'Name is required').max(100)
export const uuidParam = z.string().uuid('Not a valid id')
