import { useDbHandle } from '../db/client'

export default defineEventHandler(async () => {
  const h = await useDbHandle()
  await h.executeSql('select 1')
  return { status: 'ok', database: h.kind }
})
