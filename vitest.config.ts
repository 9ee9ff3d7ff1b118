import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  resolve: { alias: { '~~': root, '#shared': `${root}shared`, '#server': `${root}server` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // Sandboxes check traffic against the providers' OpenAPI files; each file ends with no violation.
          env: { SANDBOX_CONTRACT: '1' },
          setupFiles: ['tests/support/contract-check.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/server/global-setup.ts'],
          env: { SANDBOX_CONTRACT: '1' },
          setupFiles: ['tests/support/contract-check.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One app, one database: files run one after another against it.
          fileParallelism: false,
        },
      },
    ],
  },
})
