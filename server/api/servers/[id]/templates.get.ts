import { targetById } from '#server/services/servers/target'
import { serverParams as Params } from '#server/schemas/servers'
import { presentTemplate } from '#server/services/catalog/present'
import type { OsTemplate } from '#shared/schemas/servers'

/**
 * OS templates this server can be reinstalled with. Unlike the account's catalog route it is
 * open to the server's owner, so a customer's reinstall dialog offers a list, not a text box.
 */
export default defineEventHandler(async (event): Promise<OsTemplate[]> => {
  const user = await requireUser(event)
  const { id } = validParams(event, Params)
  const { row, adapter } = await targetById(id, user)
  return (await adapter.listTemplates({ serverId: row.server.upstreamId, plan: row.server.plan ?? undefined })).map(presentTemplate)
})
