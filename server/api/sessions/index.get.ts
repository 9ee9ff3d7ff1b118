import { listSessions } from '#server/services/sessions'

/** The caller's live browser sessions (the current one flagged), newest use first. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  return listSessions(user.id, event.context.browserSession?.id)
})
