export { formatIssues, httpError } from '../lib/http-errors'
