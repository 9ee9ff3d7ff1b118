/**
 * Puts the API's refusal of a form on the fields it is about. A 400 `invalid_input` carries
 * `details.issues` = [{ path, message }]: each message goes to its field (`:error-messages="errors.email"`),
 * and only what no field can show is left for the form's alert, instead of one raw
 * "Invalid body: password: …" sentence. A field's message goes away once that field changes.
 * Imports spelled out (not auto-imported) so the unit tests can load it outside Nuxt.
 */
import { reactive, watch } from 'vue'
import { apiError } from '~~/utils/errors'

export interface FieldIssue { path: string, message: string }

export function useFieldErrors<F extends object>(form: F) {
  type Field = keyof F & string
  const fields = Object.keys(form) as Field[]
  const errors = reactive(Object.fromEntries(fields.map(f => [f, [] as string[]]))) as Record<Field, string[]>
  for (const f of fields) watch(() => form[f], () => { errors[f] = [] })

  function clear() {
    for (const f of fields) errors[f] = []
  }

  /**
   * Takes a failed call's issues onto their fields and returns the sentence for the form's alert:
   * the issues no field shows ('' when every issue found its field), or the API's own sentence
   * when the refusal was not about the input.
   */
  function take(e: unknown): string {
    clear()
    const { code, details, error } = apiError<{ issues: FieldIssue[] }>(e)
    const issues = code === 'invalid_input' && Array.isArray(details.issues) ? details.issues : []
    if (!issues.length) return error
    const rest: string[] = []
    for (const issue of issues) {
      // `items.0.name` belongs to the field `items`.
      const field = String(issue.path ?? '').split('.')[0] as Field
      if (fields.includes(field)) errors[field] = [...errors[field], issue.message]
      else rest.push(issue.message)
    }
    return rest.join(' ')
  }

  return { errors, clear, take }
}
