#!/usr/bin/env bash
# Compiles the TypeScript client that openapi-generator made from docs/openapi.json (typescript-fetch) with tsc, together
# with send-dated-command.ts, into target/typescript-client/out (GeneratedClientTest runs it with node).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=$(cd "$here/../../../target" && pwd)
work="$target/typescript-client"
rm -rf "$work/src" "$work/out"
mkdir -p "$work/src/client"
cp "$here/package.json" "$here/package-lock.json" "$here/tsconfig.json" "$work/"
cp -r "$target/generated-typescript-client/." "$work/src/client/"
cp "$here/send-dated-command.ts" "$work/src/"
cd "$work"
if [ ! -x node_modules/.bin/tsc ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/tsc -p tsconfig.json
