// Every job module, one line each. The list is referenced by the jobs plugin so the bundler
// keeps each module's defineJob() registration.
import notificationsPrune from './notifications-prune'
import serversSync from './servers-sync'
import serversProvision from './servers-provision'

export const JOBS = [notificationsPrune, serversSync, serversProvision]
