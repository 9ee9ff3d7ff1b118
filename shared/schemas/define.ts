/**
 * Building blocks of the answer schemas both sides import: the server's OpenAPI document
 * describes its answers with them, the browser's stores type what they read with `z.infer`.
 */
import { z } from 'zod'

export const isoDate = z.string().meta({ format: 'date-time' })
export const uuid = z.string().meta({ format: 'uuid' })

/** An object whose keys are documented but which may carry more (answers grow; clients ignore extra keys). */
export const obj = z.looseObject

/**
 * The keys a client may rely on: a loose object's "and more" is for the document, not for code
 * (an index signature would let a misspelt field through as `unknown`). Records keep theirs.
 */
export type Known<T> =
  T extends readonly (infer U)[] ? Known<U>[]
    : T extends object ? { [K in keyof T as string extends K ? (unknown extends T[K] ? (NamedKeys<T> extends never ? K : never) : K) : K]: Known<T[K]> }
      : T

/** The literal keys of an object type (none for a record). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: 1 }

/** The TypeScript type of an answer schema, as handlers return it and stores read it. */
export type View<S extends z.ZodType> = Known<z.output<S>>
