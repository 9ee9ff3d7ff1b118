#!/usr/bin/env bash
# Every check: lint, types and unused code first (they fail in seconds to minutes), then unit,
# server (against the built app and a real database) and e2e (Debian Chromium). One build
# serves the server and e2e suites.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint"
npm run lint
echo "== typecheck"
npm run typecheck
echo "== unused files, exports and dependencies (knip)"
npm run knip
echo "== build"
npx nuxt build > .data-build.log 2>&1 || { tail -50 .data-build.log; exit 1; }
rm -f .data-build.log
echo "== unit tests"
npx vitest run --project unit
echo "== server tests (${TEST_DATABASE_URL:+PostgreSQL}${TEST_DATABASE_URL:-PGlite})"
npx vitest run --project server
echo "== e2e tests"
npx playwright test
