/**
 * Every word a person reads comes from the message files (i18n/locales), never a literal in a
 * template or a toast. One test per file, so `-t components/server/` shows one area's leftovers.
 * Templates: text nodes with letters, user-facing attributes written as plain strings, and string
 * literals that read as words inside interpolations and user-facing bindings. Scripts (pages,
 * components, stores, composables, utils): sentences passed to toasts, put into `error.value`,
 * given to `apiError` as a fallback, or set as a title/label/text property.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseSfc } from '@vue/compiler-sfc'
import { NodeTypes, parse as parseTemplate, type AttributeNode, type DirectiveNode, type ElementNode, type TemplateChildNode } from '@vue/compiler-dom'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const VUE_DIRS = ['pages', 'components', 'layouts']
const VUE_FILES = ['app.vue', 'error.vue']
const SCRIPT_DIRS = ['stores', 'composables', 'utils']

/** Attributes people read or hear (screen readers read aria-label, title, alt). */
const USER_FACING = new Set([
  'label', 'title', 'subtitle', 'text', 'placeholder', 'hint', 'aria-label', 'alt', 'prefix', 'suffix',
  'messages', 'error-messages', 'no-data-text', 'loading-text', 'items-per-page-text', 'confirm-text',
  'cancel-text', 'message', 'heading', 'description', 'empty-text', 'tooltip', 'prepend-text', 'append-text',
  'confirm-label', 'action-label', 'busy-label', 'primary-label', 'next-text', 'prev-text', 'close-text',
])

/** A literal that reads as words: Cyrillic, a capitalised word, or two words. Message keys and values such as 'running' or 'mdi-plus' do not. */
const WORDY = /\p{Script=Cyrillic}|^[A-Z][a-z]|[A-Za-z]{2,}[ ,.:;!?]+[A-Za-z]{2,}/u
const LETTER = /\p{L}/u
/** <v-icon>mdi-plus</v-icon>: an icon's name, not words. */
const ICON_NAME = /^\s*mdi-[a-z0-9-]+\s*$/
const STRING_LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`/g

function wordyLiterals(expression: string): string[] {
  // Arguments of the translate call are keys, not words.
  const withoutKeys = expression.replace(/\$?t[ce]?\(\s*(['"`])[^'"`]*\1/g, '')
  return [...withoutKeys.matchAll(STRING_LITERAL)].map(m => m[1] ?? m[2] ?? m[3] ?? '').filter(s => WORDY.test(s))
}

function walk(dir: string, ext: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    return statSync(join(root, path)).isDirectory() ? walk(path, ext) : name.endsWith(ext) ? [path] : []
  })
}

function templateProblems(template: string): string[] {
  const found: string[] = []
  const visit = (nodes: TemplateChildNode[]) => {
    for (const node of nodes) {
      if (node.type === NodeTypes.TEXT && LETTER.test(node.content) && !ICON_NAME.test(node.content)) found.push(`text "${node.content.trim()}"`)
      if (node.type === NodeTypes.INTERPOLATION && node.content.type === NodeTypes.SIMPLE_EXPRESSION) {
        for (const w of wordyLiterals(node.content.content)) found.push(`{{ '${w}' }}`)
      }
      if (node.type !== NodeTypes.ELEMENT) continue
      const element = node as ElementNode
      for (const prop of element.props) {
        if (prop.type === NodeTypes.ATTRIBUTE) {
          const attr = prop as AttributeNode
          if (USER_FACING.has(attr.name) && attr.value && LETTER.test(attr.value.content)) found.push(`${attr.name}="${attr.value.content}"`)
        }
        else {
          const dir = prop as DirectiveNode
          const name = dir.arg && dir.arg.type === NodeTypes.SIMPLE_EXPRESSION ? dir.arg.content : ''
          if (dir.name === 'bind' && USER_FACING.has(name) && dir.exp?.type === NodeTypes.SIMPLE_EXPRESSION) {
            for (const w of wordyLiterals(dir.exp.content)) found.push(`:${name} '${w}'`)
          }
        }
      }
      visit(element.children)
    }
  }
  visit(parseTemplate(template, { comments: false }).children)
  return found
}

/** Sentences handed to people from script code. */
const SCRIPT_SENTENCE = [
  /\btoasts?\.(?:success|error|info|warning|push)\(\s*(?:'[a-z]+',\s*)?(['"`])([^'"`]*)\1/g,
  /\berror\.value\s*=\s*(['"`])([^'"`]*)\1/g,
  /\bapiError\([^,()]+,\s*(['"`])([^'"`]*)\1/g,
  /\b(?:title|label|text|subtitle|message|hint|confirm|heading|description|done|detail)\s*:\s*(['"`])([^'"`]*)\1/g,
  /\buseHead\(\{\s*title:\s*(['"`])([^'"`]*)\1/g,
]

function scriptProblems(code: string): string[] {
  const noComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  return SCRIPT_SENTENCE.flatMap(re => [...noComments.matchAll(re)].map(m => m[2] ?? '').filter(s => WORDY.test(s)).map(s => `'${s}'`))
}

const vueFiles = [...VUE_DIRS.flatMap(d => walk(d, '.vue')), ...VUE_FILES].sort()
const scriptFiles = SCRIPT_DIRS.flatMap(d => walk(d, '.ts')).sort()

describe('no user-facing literal strings', () => {
  it.each(vueFiles)('%s', (file) => {
    const sfc = parseSfc(readFileSync(join(root, file), 'utf8'), { filename: file }).descriptor
    const problems = [
      ...(sfc.template ? templateProblems(sfc.template.content) : []),
      ...(sfc.scriptSetup ? scriptProblems(sfc.scriptSetup.content) : []),
      ...(sfc.script ? scriptProblems(sfc.script.content) : []),
    ]
    expect(problems, `${relative(root, join(root, file))}: put these words in i18n/locales/{en,ru}`).toEqual([])
  })

  it.each(scriptFiles)('%s', (file) => {
    expect(scriptProblems(readFileSync(join(root, file), 'utf8')), `${file}: put these words in i18n/locales/{en,ru}`).toEqual([])
  })

  it('finds the kinds of literal it is meant to find', () => {
    expect(templateProblems('<v-btn title="Stop">Start</v-btn>')).toEqual(['title="Stop"', 'text "Start"'])
    expect(templateProblems('<v-chip :label="on ? \'Turned on\' : t(\'x.off\')">{{ n }} · {{ t(\'a.b\') }}</v-chip>')).toEqual([':label \'Turned on\''])
    expect(templateProblems('<span>{{ ok ? \'Yes\' : \'No\' }}</span>')).toEqual(['{{ \'Yes\' }}', '{{ \'No\' }}'])
    expect(templateProblems('<v-icon>mdi-plus</v-icon>')).toEqual([])
    expect(scriptProblems('toasts.success(\'Server started\'); toasts.error(t(\'x\')); const c = { color: \'success\' }')).toEqual(['\'Server started\''])
  })
})
