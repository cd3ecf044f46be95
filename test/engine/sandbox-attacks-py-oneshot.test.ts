// The Python attack suite against the one-shot path (pooling turned off): a fresh jail per candidate.
import { pyAttackSuite } from './py-attack-suite.js';

pyAttackSuite('python one-shot', { EVOLAB_SANDBOX_POOL: '0' });
