// Every job module, one line each. The list is referenced by the jobs plugin so the bundler
// keeps each module's defineJob() registration.
import notificationsPrune from './notifications-prune'
import serversSync from './servers-sync'
import serversProvision from './servers-provision'
import ordersProvision from './orders-provision'
import billingSample from './billing-sample'
import domainsExpiry from './domains-expiry'
import dashboardWatch from './dashboard-watch'
import { exactlyOnceReconcile, exactlyOnceSweep } from './exactly-once'
import { alertsEmail, alertsWebhook } from './alerts'
import billingRenewals from './billing-renewals'

export const JOBS = [notificationsPrune, serversSync, serversProvision, ordersProvision, billingSample, domainsExpiry, dashboardWatch, exactlyOnceReconcile, exactlyOnceSweep, alertsEmail, alertsWebhook, billingRenewals]
