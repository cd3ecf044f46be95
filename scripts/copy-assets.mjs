// Copies non-TypeScript runtime files into dist/ after tsc (tsc only emits .ts sources).
import { chmodSync, cpSync, existsSync, mkdirSync } from 'node:fs';
mkdirSync('dist/src/engine/sandbox', { recursive: true });
cpSync('src/engine/sandbox/harness.mjs', 'dist/src/engine/sandbox/harness.mjs');
// The package bin must be executable for `npx evolab`.
if (existsSync('dist/src/cli/main.js')) chmodSync('dist/src/cli/main.js', 0o755);
