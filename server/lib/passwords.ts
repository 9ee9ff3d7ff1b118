/** scrypt password hashes (the same PHC format nuxt-auth-utils writes), usable outside Nuxt too. */
import { Hash } from '@adonisjs/hash'
import { Scrypt } from '@adonisjs/hash/drivers/scrypt'

const hash = new Hash(new Scrypt({}))

export const hashPassword = (plain: string) => hash.make(plain)
export const verifyPassword = (hashed: string, plain: string) => hash.verify(hashed, plain)
