// Removes the previous build so that files deleted or moved in src/ and test/ leave no stale output.
import { rmSync } from 'node:fs';
rmSync('dist', { recursive: true, force: true });
