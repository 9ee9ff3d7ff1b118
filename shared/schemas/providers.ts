/**
 * What a provider kind can and cannot do beyond its capability map, as data (snake_case, as the
 * seed's API): each provider's metadata (server/providers/<name>/metadata.ts) fills it in, the
 * server's services and the shared server rules read it, and the browser gets the same object
 * from GET /api/hosting/provider-facts. shared/providers/facts.ts names its parts.
 */
import { z } from 'zod'
import { capabilities } from './common'
import { isoDate, obj, uuid, type View } from './define'

export const CHARACTER_CLASSES = ['lower', 'upper', 'digit'] as const

/** A provider's rule for a root password, checked before the provider refuses it. */
export const passwordRule = obj({
  min_length: z.number().int(),
  classes: z.array(z.enum(CHARACTER_CLASSES)).meta({ description: 'Character classes the password must contain, at least one of each' }),
  hint: z.string().meta({ description: 'Shown under the field before anything is typed' }),
  message: z.string().meta({ description: 'Shown when a typed password breaks the rule' }),
  hint_key: z.string().optional().meta({ description: 'The message key of `hint` (providerFacts.<type>.password_rule.hint), for clients that translate' }),
  message_key: z.string().optional().meta({ description: 'The message key of `message`' }),
})

/** What a provider accepts beyond the template: asking for a field it ignores would only mislead. */
export const fieldSupport = obj({
  hostname: z.boolean(),
  password: z.boolean(),
  ssh_keys: z.boolean(),
  max_ssh_keys: z.number().int().optional().meta({ description: 'At most this many keys (where the provider takes fewer than any)' }),
  dry_run: z.boolean().meta({ description: 'Whether the provider can check the request without doing it' }),
})

export const providerLook = obj({
  label: z.string(),
  color: z.string(),
  icon: z.string().meta({ description: 'An `mdi-…` name' }),
  icon_path: z.string().meta({ description: 'The icon\'s SVG path (@mdi/js): the browser only has the icons it names itself' }),
})

/** One field of a portal plan's mapping to the provider's catalog. */
export const planMappingField = obj({
  key: z.string(),
  label: z.string(),
  help: z.string().optional(),
  label_key: z.string().optional().meta({ description: 'The message key of `label` (providerFacts.<type>.plan_mapping.<key>.label), for clients that translate' }),
  help_key: z.string().optional().meta({ description: 'The message key of `help`' }),
  kind: z.enum(['number', 'text', 'choice']).meta({ description: '`number`: digits only (an upstream numeric id); `text`: any id; `choice`: one of `choices`' }),
  choices: z.array(obj({ value: z.string(), label: z.string(), label_key: z.string().optional().meta({ description: 'The message key of `label`' }) })).optional(),
  default: z.string().optional().meta({ description: 'Taken when the field is left empty (a choice\'s preselected value)' }),
  optional: z.boolean().optional(),
  when: obj({ key: z.string(), value: z.string() }).optional().meta({ description: 'Asked for, and then required, only when another field has this value' }),
  catalog: obj({ list: z.enum(['plans', 'datacenters', 'templates']), what: z.string() }).optional().meta({ description: 'The catalog list the field picks from; saving checks the id is in it (`what` names it)' }),
  role: z.enum(['plan', 'template']).optional().meta({ description: '`plan`: the upstream product the plan buys; `template`: the plan\'s default OS' }),
})

export const planMappingFacts = obj({
  fields: z.array(planMappingField),
  templates_by_plan: z.boolean().meta({ description: 'Whether the OS templates depend on the chosen plan (listed with `plan`)' }),
})

export const providerFacts = obj({
  look: providerLook,
  create: fieldSupport.extend({
    needs_credential: z.string().optional().meta({ description: 'Set where the server is set up at purchase and needs a way in (a password or a key): says so' }),
    needs_credential_key: z.string().optional().meta({ description: 'The message key of `needs_credential`' }),
  }),
  reinstall: fieldSupport,
  password_rule: passwordRule.nullable().meta({ description: 'The provider\'s rule for root passwords, where it has one' }),
  hard_power_off: z.boolean().meta({ description: 'Whether `poweroff` is a real hard stop (elsewhere the power note says why not)' }),
  delete_delay: obj({ min: z.number().int(), max: z.number().int() }).nullable().meta({ description: 'Minutes a deletion can be delayed by; null: deleting is immediate' }),
  root_password: obj({ mode: z.enum(['reveal', 'reset', 'none']), note: z.string().optional(), note_key: z.string().optional().meta({ description: 'The message key of `note`' }) }).meta({ description: 'Revealing the root password: shown as it is, reset to show it, or never shown' }),
  install_step: z.boolean().meta({ description: 'Whether a create leaves an install step to do (allocate/order first, install after)' }),
  raw_states: obj({
    awaiting_install: z.array(z.string()).meta({ description: 'Created but not installed yet (the install step is still to run)' }),
    awaiting_provider: z.array(z.string()).meta({ description: 'Not ready for the install step yet, through no fault of ours (an unpaid order)' }),
  }).meta({ description: 'The provider\'s own raw status words the services need to read' }),
  create_evidence: z.enum(['marker', 'hostname', 'none']).meta({ description: 'How a lost create is found again: `marker` (the new server carries our marker as its name), `hostname` (it carries the requested hostname) or `none` (only the set difference counts)' }),
  destroy: obj({
    label: z.string(),
    question: z.string(),
    text: z.string(),
    only_when: z.array(z.string()).optional(),
    label_key: z.string().optional().meta({ description: 'The message key of `label` (a provider\'s own deletion only; the usual one has none)' }),
    question_key: z.string().optional().meta({ description: 'The message key of `question` (its `{name}` stays a parameter)' }),
    text_key: z.string().optional().meta({ description: 'The message key of `text`' }),
  })
    .meta({ description: 'How deleting reads (the button, the question with `{name}` for the server\'s, what it does); `only_when` lists the statuses it is possible in (else any)' }),
  resize_disk: z.boolean().meta({ description: 'Whether a resize can be asked to grow the disk' }),
  no_addresses: z.string().optional().meta({ description: 'What an empty address list means (else "None assigned yet")' }),
  no_addresses_key: z.string().optional().meta({ description: 'The message key of `no_addresses`' }),
  region: obj({
    label: z.string(),
    hint: z.string().optional(),
    label_key: z.string().optional().meta({ description: 'The message key of `label` (a provider\'s own word only; "Region" has none)' }),
    hint_key: z.string().optional().meta({ description: 'The message key of `hint`' }),
    optional: z.boolean(),
    from_plan: z.boolean().optional().meta({ description: 'The provider has no data-center list: the plan (its product) fixes the place, so the wizard offers no choice and asks for no list' }),
  }).meta({ description: 'What the create wizard calls the data-center choice, and whether it may stay empty' }),
  plan_mapping: planMappingFacts,
  firewall_scope: z.enum(['account', 'server']).optional().meta({ description: 'Where firewalls live: `account` (firewalls with rules, activated on VMs: the account\'s firewall routes) or `server` (each server\'s own, per interface: its firewall route); absent where there are none' }),
  customer_user_setting: z.string().optional().meta({ description: 'The account setting naming the upstream user servers are created for, where a plan can own its servers per customer' }),
}).meta({ id: 'ProviderFacts', description: 'What a provider kind can and cannot do beyond its capabilities: fields, rules, raw words, look' })

/** An entry of GET /api/hosting/provider-facts. */
export const providerFactsEntry = obj({ type: z.string(), display_name: z.string(), facts: providerFacts }).meta({ id: 'ProviderFactsEntry' })
export type ProviderFactsEntry = View<typeof providerFactsEntry>

/** One field of the add/edit account dialog, generated from metadata. */
export const settingField = obj({
  key: z.string(),
  label: z.string(),
  help: z.string().optional(),
  required: z.boolean().optional(),
  default: z.string().optional(),
  placeholder: z.string().optional(),
  type: z.enum(['text', 'number', 'url']).optional(),
})

/** An entry of GET /api/hosting/provider-types (admins): what the add/edit dialog is built from. */
export const providerKind = obj({
  type: z.string(),
  display_name: z.string(),
  docs_url: z.string().optional(),
  credentials: z.array(settingField).meta({ description: 'Secret fields: `api_key` always, `api_secret` where the provider has one' }),
  settings: z.array(settingField).meta({ description: 'Non-secret settings kept in `extra` (always includes `base_url`)' }),
  capabilities,
  facts: providerFacts,
}).meta({ id: 'ProviderKind' })
export type ProviderKind = View<typeof providerKind>

/** An account as GET /api/hosting/providers lists it: the seed's `{ name, display_name, connected }` plus ours. */
export const providerAccount = obj({
  name: z.string().meta({ description: 'The account slug used in every /api/hosting/providers/{provider} path' }),
  display_name: z.string(),
  connected: z.boolean(),
  id: uuid,
  slug: z.string(),
  type: z.string(),
  provider_display_name: z.string(),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  credentials: obj({ api_key: z.string().nullable().optional(), api_secret: z.string().nullable().optional() }).optional().meta({ description: 'Masked, never the secret' }),
  capabilities: capabilities.optional(),
  last_test: obj({
    ok: z.boolean().nullable(),
    message: z.string().nullable().meta({ description: 'The outcome in English' }),
    at: isoDate,
    code: z.string().nullable().optional().meta({ description: 'The outcome as a code: `connected…` (shared/providers/connection.ts) or the refusal\'s code (`provider_auth`, `timeout`, …)' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: 'The specifics `message` is made of (provider, version, count, balance)' }),
  }).nullable(),
  created_at: isoDate,
  updated_at: isoDate,
}).meta({ id: 'ProviderAccount' })
export type ProviderAccountView = View<typeof providerAccount>
