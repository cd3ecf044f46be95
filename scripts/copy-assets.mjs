// Copies non-TypeScript runtime files into dist/ after tsc (tsc only emits .ts sources).
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync('dist/src/engine/sandbox', { recursive: true });
cpSync('src/engine/sandbox/harness.mjs', 'dist/src/engine/sandbox/harness.mjs');
