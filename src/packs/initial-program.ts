// Every built-in problem's initial program is a real file beside the module that defines the
// problem: problems/<id>/initial.js or problems/<id>/initial.py (copied into dist/ by the build).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The initial program of problem `id`, read from the `problems` folder of the calling module. */
export function initialProgram(moduleUrl: string, id: string): string {
  for (const ext of ['js', 'py']) {
    const file = fileURLToPath(new URL(`./${id}/initial.${ext}`, moduleUrl));
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`problem ${id}: no initial.js or initial.py in ${fileURLToPath(new URL(`./${id}/`, moduleUrl))}`);
}
