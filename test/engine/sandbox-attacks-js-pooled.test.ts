// The JavaScript attack suite against the pooled path: a jailed host, one fresh V8 isolate per candidate.
import { jsAttackSuite } from './js-attack-suite.js';

jsAttackSuite('js isolate host', {});
