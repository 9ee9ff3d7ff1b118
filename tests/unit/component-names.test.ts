/**
 * Components live in domain folders and each file starts with its folder's name in PascalCase
 * (elk style): components/ssh-key/SshKeyAddDialog.vue is <SshKeyAddDialog> under Nuxt's default
 * path prefix. A file named otherwise would be registered under a doubled, surprising name.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../../components')
const pascal = (folder: string) => folder.split('-').map(w => w[0]!.toUpperCase() + w.slice(1)).join('')

describe('component files', () => {
  it('sit one folder deep and start with that folder\'s name', () => {
    const wrong: string[] = []
    for (const folder of readdirSync(ROOT)) {
      const dir = join(ROOT, folder)
      if (!statSync(dir).isDirectory()) { wrong.push(`${folder}: not in a domain folder`); continue }
      for (const file of readdirSync(dir)) {
        if (!file.endsWith('.vue')) continue
        if (!file.startsWith(pascal(folder))) wrong.push(`${folder}/${file}: should start with ${pascal(folder)}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
