/**
 * Strict-Transport-Security only when the request reached us over HTTPS (directly, or through a
 * proxy that says so in X-Forwarded-Proto). Over plain HTTP the header means nothing, and sending
 * it from a development or test host would pin that name to HTTPS in the browser.
 */
import { getRequestProtocol, setResponseHeader } from 'h3'

export default defineEventHandler((event) => {
  if (getRequestProtocol(event, { xForwardedProto: true }) === 'https') {
    setResponseHeader(event, 'Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  }
})
