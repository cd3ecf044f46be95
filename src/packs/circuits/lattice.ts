// Certificate lattices of the four families, regenerated from the published step tables.
// Points are integers in units of 10^−5 divided exactly once, so each is the double nearest its
// decimal (the published files list the decimals, e.g. 0.37083).

type Steps = [start: number, end: number, step: number][]; // units of 1e-5, each run excludes start

const RUNS: Record<string, { first: number; runs: Steps }> = {
  jessica: { first: 10000, runs: [[10000, 30000, 10000], [30000, 34000, 1000], [34000, 36000, 100], [36000, 37080, 10], [37080, 37200, 3], [37200, 38000, 10], [38000, 40000, 100], [40000, 50000, 1000], [50000, 90000, 10000]] },
  sonetto: { first: 1000, runs: [[1000, 20000, 1000], [20000, 50000, 100], [50000, 99000, 1000]] },
  regulus: { first: 1000, runs: [[1000, 20000, 1000], [20000, 32000, 100], [32000, 99000, 1000]] },
  'regulus-t': { first: 1000, runs: [[1000, 32000, 1000], [32000, 44000, 100], [44000, 99000, 1000]] },
};

/** Interior lattice points p_1 < … < p_{L−1} of a family (0 and 1 excluded). */
export function latticePoints(family: string): number[] {
  const r = RUNS[family];
  if (!r) throw new RangeError(`family must be one of ${Object.keys(RUNS).join('|')}, got '${family}'`);
  const units = [r.first];
  for (const [start, end, step] of r.runs) for (let v = start + step; v <= end; v += step) units.push(v);
  return units.map((u) => u / 100000);
}

/** Parses a lattice file (one decimal per line). */
export function parseLattice(text: string): number[] {
  return text.trim().split('\n').map((l, i) => {
    const v = Number(l.trim());
    if (!(v > 0 && v < 1)) throw new RangeError(`lattice line ${i + 1}: '${l}' is not a number in (0, 1)`);
    return v;
  });
}
