/** Account settings that mean the same for every provider that offers them. */
import type { SettingField } from './types'

/** Read by the billing sampler: below this balance, admins get a notice. */
export const LOW_BALANCE_SETTING: SettingField = {
  key: 'low_balance_threshold',
  label: 'Low-balance alert',
  type: 'number',
  placeholder: '20',
  help: 'Notify admins when the balance falls below this amount',
}
