// The JavaScript attack suite against the one-shot path (no isolated-vm, or pooling turned off):
// a fresh jailed Node process per candidate with the program in a fresh V8 context.
import { jsAttackSuite } from './js-attack-suite.js';

jsAttackSuite('js one-shot', { EVOLAB_SANDBOX_POOL: '0' });
