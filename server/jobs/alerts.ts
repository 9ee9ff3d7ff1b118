/** Alert channels that leave the panel: e-mails and webhook deliveries, each retried by pg-boss. */
import { defineJob } from '../lib/jobs'
import { EMAIL_JOB, type EmailJobData } from '../services/alerts/emit'
import { sendAlertEmail } from '../services/alerts/email'
import { attemptDelivery, WEBHOOK_JOB } from '../services/alerts/webhooks'

export const alertsEmail = defineJob<EmailJobData>(EMAIL_JOB, async data => ({ result: await sendAlertEmail(data) }), { retryLimit: 4, retryDelay: 30 })

export const alertsWebhook = defineJob<{ deliveryId: string }>(WEBHOOK_JOB, async data => ({ status: await attemptDelivery(data.deliveryId) }), { batchSize: 1 })
