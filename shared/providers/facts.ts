/**
 * What a provider can and cannot do beyond its capability map, as data: each provider's
 * metadata (server/providers/<name>/metadata.ts) fills it in, the server's services and the
 * shared server rules read it, and the browser gets it from GET /api/hosting/provider-facts.
 * Nothing outside a provider's folder names a provider: it reads these facts.
 */

export type CharacterClass = 'lower' | 'upper' | 'digit'

/** A provider's rule for a root password, checked before the provider refuses it. */
export interface PasswordRule {
  minLength: number
  /** Character classes the password must contain, at least one of each. */
  classes: CharacterClass[]
  /** Shown under the field before anything is typed. */
  hint: string
  /** Shown when a typed password breaks the rule. */
  message: string
}

/** What a provider accepts beyond the template: asking for a field it ignores would only mislead. */
export interface FieldSupport {
  hostname: boolean
  password: boolean
  sshKeys: boolean
  /** At most this many keys (where the provider takes fewer than any). */
  maxSshKeys?: number
  /** Whether the provider can check the request without doing it. */
  dryRun: boolean
}

export interface ProviderLook {
  label: string
  color: string
  /** An `mdi-…` name, and its SVG path (@mdi/js): the browser only has the icons it names itself. */
  icon: string
  iconPath: string
}

/** Revealing the root password: shown as it is, reset to show it, or never shown. */
export type RootPasswordMode = 'reveal' | 'reset' | 'none'

/** One field of a portal plan's mapping to the provider's catalog. */
export interface PlanMappingField {
  key: string
  label: string
  help?: string
  /** 'number': digits only (an upstream numeric id); 'text': any id; 'choice': one of `choices`. */
  kind: 'number' | 'text' | 'choice'
  choices?: { value: string, label: string }[]
  /** Taken when the field is left empty (a choice's preselected value). */
  default?: string
  optional?: boolean
  /** Asked for, and then required, only when another field has this value. */
  when?: { key: string, value: string }
  /** The catalog list the field picks from; saving checks the id is in it (`what` names it). */
  catalog?: { list: 'plans' | 'datacenters' | 'templates', what: string }
  /** 'plan': the upstream product the plan buys; 'template': the plan's default OS. */
  role?: 'plan' | 'template'
}

export interface PlanMappingFacts {
  fields: PlanMappingField[]
  /** Whether the OS templates depend on the chosen plan (listed with `plan`). */
  templatesByPlan: boolean
}

export interface ProviderFacts {
  look: ProviderLook
  create: FieldSupport & {
    /** Set where the server is set up at purchase and needs a way in (a password or a key). */
    needsCredential?: string
  }
  reinstall: FieldSupport
  /** The provider's rule for root passwords, where it has one. */
  passwordRule: PasswordRule | null
  /** Whether `poweroff` is a real hard stop (elsewhere the power note says why not). */
  hardPowerOff: boolean
  /** Minutes a deletion can be delayed by, or null where deleting is immediate. */
  deleteDelay: { min: number, max: number } | null
  rootPassword: { mode: RootPasswordMode, note?: string }
  /** Whether a create leaves an install step to do (allocate/order first, install after). */
  installStep: boolean
  /** The provider's own raw status words the services need to read. */
  rawStates: {
    /** Created but not installed yet (the install step is still to run). */
    awaitingInstall: string[]
    /** Not ready for the install step yet, through no fault of ours (an unpaid order). */
    awaitingProvider: string[]
  }
  /**
   * How a lost create is found again: 'marker' (the new server carries our marker as its name),
   * 'hostname' (it carries the requested hostname) or 'none' (only the set difference counts).
   */
  createEvidence: 'marker' | 'hostname' | 'none'
  /**
   * How deleting reads (the button, the question with `{name}` for the server's, what it does);
   * `onlyWhen` lists the statuses it is possible in (else any).
   */
  destroy: { label: string, question: string, text: string, onlyWhen?: string[] }
  /** Whether a resize can be asked to grow the disk. */
  resizeDisk: boolean
  /** What an empty address list means (else "None assigned yet"). */
  noAddresses?: string
  /** What the create wizard calls the data-center choice, and whether it may stay empty. */
  region: { label: string, hint?: string, optional: boolean }
  planMapping: PlanMappingFacts
  /**
   * The account setting naming the upstream user servers are created for, where a plan can own
   * its servers per customer (the order then acts as the customer's own upstream user).
   */
  customerUserSetting?: string
}

/** The entry GET /api/hosting/provider-facts answers per provider. */
export interface ProviderFactsEntry { type: string, displayName: string, facts: ProviderFacts }

export const DEFAULT_DESTROY = {
  label: 'Delete',
  question: 'Delete {name}?',
  text: 'The server and its disks are destroyed at the provider. This cannot be undone.',
} as const
export const DEFAULT_NO_ADDRESSES = 'None assigned yet'
