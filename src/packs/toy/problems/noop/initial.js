// The cheapest possible candidate: it returns one tunable constant, so the offline mutator makes
// every candidate different (none is a cache hit) and a run measures the engine's own cost.
// EVOLVE-BLOCK-START
const VALUE = 1.0;
// EVOLVE-BLOCK-END

export function run() {
  return { value: VALUE };
}
