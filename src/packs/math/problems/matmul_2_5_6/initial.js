// Rank decomposition of the <2,5,6> matrix multiplication tensor: factors U (nm×R), V (mp×R), W (pn×R)
// with Σ_r U[a][r]·V[b][r]·W[c][r] = T[a][b][c], T[i·m+j][j·p+k][k·n+i] = 1. run() returns
// {n, m, p, rank, factors: [U, V, W]}; the score is R (lower is better), checked exactly.

// EVOLVE-BLOCK-START
// Strassen's products M_r = (Σ a_x A_x)(Σ b_y B_y), C_z += c_z M_r, with A_x, B_y, C_z indexed 11, 12, 21, 22.
const STRASSEN_A = [[1, 0, 0, 1], [0, 0, 1, 1], [1, 0, 0, 0], [0, 0, 0, 1], [1, 1, 0, 0], [-1, 0, 1, 0], [0, 1, 0, -1]];
const STRASSEN_B = [[1, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, -1], [-1, 0, 1, 0], [0, 0, 0, 1], [1, 1, 0, 0], [0, 0, 1, 1]];
const STRASSEN_C = [[1, 0, 0, 1], [0, 0, 1, -1], [0, 1, 0, 1], [1, 0, 1, 0], [-1, 1, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0]];
const USE_BLOCKS = 1;
// EVOLVE-BLOCK-END

const N = 2, M = 5, P = 6;

export function run() {
  const cols = []; // each column: [u map, v map, w map] as {row: value}
  const covered = new Set();
  if (USE_BLOCKS >= 0.5) {
    for (let i0 = 0; i0 + 1 < N; i0 += 2) for (let j0 = 0; j0 + 1 < M; j0 += 2) for (let k0 = 0; k0 + 1 < P; k0 += 2) {
      for (let r = 0; r < STRASSEN_A.length; r++) {
        const u = {}, v = {}, w = {};
        for (let x = 0; x < 4; x++) {
          const di = x >> 1, dd = x & 1;
          if (STRASSEN_A[r][x]) u[(i0 + di) * M + (j0 + dd)] = STRASSEN_A[r][x];
          if (STRASSEN_B[r][x]) v[(j0 + di) * P + (k0 + dd)] = STRASSEN_B[r][x];
          // C entry (i, k) is stored at row k·n + i.
          if (STRASSEN_C[r][x]) w[(k0 + dd) * N + (i0 + di)] = STRASSEN_C[r][x];
        }
        cols.push([u, v, w]);
      }
      for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) for (let c = 0; c < 2; c++) covered.add((i0 + a) + ',' + (j0 + b) + ',' + (k0 + c));
    }
  }
  for (let i = 0; i < N; i++) for (let j = 0; j < M; j++) for (let k = 0; k < P; k++) {
    if (covered.has(i + ',' + j + ',' + k)) continue;
    cols.push([{ [i * M + j]: 1 }, { [j * P + k]: 1 }, { [k * N + i]: 1 }]);
  }
  const R = cols.length;
  const mat = (rows, f) => Array.from({ length: rows }, (_, a) => cols.map((col) => col[f][a] || 0));
  return { n: N, m: M, p: P, rank: R, factors: [mat(N * M, 0), mat(M * P, 1), mat(P * N, 2)] };
}
