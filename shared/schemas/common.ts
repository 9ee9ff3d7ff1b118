/** Answer pieces several views share: who owns a thing, what an account can do. */
import { z } from 'zod'
import { obj, uuid, type View } from './define'

export const personRef = obj({ id: uuid, name: z.string(), email: z.string().optional() })

/** An owner as the views name one: always with an email. */
export const ownerRef = obj({ id: uuid, name: z.string(), email: z.string() })
export type OwnerRef = View<typeof ownerRef>

const capability = obj({
  supported: z.boolean(),
  note: z.string().optional().meta({ description: 'How it works or why not, in English' }),
  note_key: z.string().optional().meta({ description: 'The message key of `note` (providerFacts.<type>.capabilities.<group>), for clients that translate' }),
})

export const capabilities = z.record(z.string(), capability).meta({ id: 'Capabilities', description: 'What an account can do, per capability group (servers, power, dns, domains, ssh_keys, billing, …)' })

export const accountRef = obj({ slug: z.string(), type: z.string(), display_name: z.string() })
