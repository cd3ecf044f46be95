// The Python attack suite against the pooled path: a jailed fork server, one fresh forked process
// in namespaces of its own per candidate.
import { pyAttackSuite } from './py-attack-suite.js';

pyAttackSuite('python fork server', {});
