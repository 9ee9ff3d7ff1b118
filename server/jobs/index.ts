// Every job module, one line each. The list is referenced by the jobs plugin so the bundler
// keeps each module's defineJob() registration.
import notificationsPrune from './notifications-prune'
import billingSample from './billing-sample'
import domainsExpiry from './domains-expiry'

export const JOBS = [notificationsPrune, billingSample, domainsExpiry]
