# Reference U-AND error measurement in numpy (the same computation as the TypeScript bench):
# W is the d×m 0/1 matrix of the sparse construction, activation a = ReLU(W b − 1), read-off of pair (k, l)
# = mean of a over the neurons connected to both. Cases: 11 (all active pairs), 01 (every active × inactive
# pair), 00 (the given random inactive pairs). Prints one JSON line with timings and per-case statistics.
import json, sys, time
import numpy as np

def stats(e):
    a = np.abs(e)
    return {"n": int(e.size), "max": float(a.max()), "mean": float(e.mean()), "std": float(e.std(ddof=1)), "q99": float(np.quantile(a, 0.99))}

def main(folder, mode):
    meta = json.load(open(f"{folder}/meta.json"))
    m, d, s, n_in = meta["m"], meta["d"], meta["s"], meta["inputs"]
    colptr = np.fromfile(f"{folder}/colptr.i32", dtype=np.int32)
    colidx = np.fromfile(f"{folder}/colidx.i32", dtype=np.int32)
    acts = np.fromfile(f"{folder}/acts.i32", dtype=np.int32).reshape(n_in, s)
    pairs = np.fromfile(f"{folder}/pairs00.i32", dtype=np.int32).reshape(n_in, -1, 2)
    cols = np.repeat(np.arange(m, dtype=np.int32), np.diff(colptr))
    t0 = time.perf_counter(); c0 = time.process_time()
    e11, e01, e00 = [], [], []
    if mode == "dense":
        W = np.zeros((d, m), dtype=np.float32)
        W[colidx, cols] = 1.0
        B = 50
        for start in range(0, n_in, B):
            A = acts[start:start + B]
            act = np.maximum(W[:, A].sum(axis=2) - 1.0, 0.0)            # d × B
            for j in range(s):
                Wk = W[:, A[:, j]]                                      # d × B
                num = (Wk * act).T @ W                                  # B × m
                den = Wk.T @ W
                read = num / np.maximum(den, 1)
                mask = np.ones_like(read, dtype=bool)
                mask[np.arange(len(A))[:, None], A] = False
                e01.append(read[mask])
                for jj in range(j + 1, s):
                    e11.append(read[np.arange(len(A)), A[:, jj]] - 1.0)
            for b in range(len(A)):
                P = pairs[start + b]
                Wk, Wl = W[:, P[:, 0]], W[:, P[:, 1]]
                both = Wk * Wl
                e00.append((both * act[:, b:b + 1]).sum(0) / np.maximum(both.sum(0), 1))
    else:
        import scipy.sparse as sp
        W = sp.csc_matrix((np.ones(colidx.size, dtype=np.float64), colidx, colptr), shape=(d, m))
        Wr = W.tocsr()
        for t in range(n_in):
            A = acts[t]
            act = np.maximum(np.asarray(W[:, A].sum(axis=1)).ravel() - 1.0, 0.0)
            for j in range(s):
                rows = colidx[colptr[A[j]]:colptr[A[j] + 1]]
                sub = Wr[rows]
                num = sub.T @ act[rows]
                den = np.asarray(sub.sum(axis=0)).ravel()
                read = num / np.maximum(den, 1)
                mask = np.ones(m, dtype=bool); mask[A] = False
                e01.append(read[mask])
                for jj in range(j + 1, s):
                    e11.append(np.array([read[A[jj]] - 1.0]))
            for k, l in pairs[t]:
                r1 = colidx[colptr[k]:colptr[k + 1]]; r2 = colidx[colptr[l]:colptr[l + 1]]
                common = np.intersect1d(r1, r2, assume_unique=True)
                e00.append(np.array([act[common].mean() if common.size else 0.0]))
    secs = time.perf_counter() - t0; cpu = time.process_time() - c0
    out = {"mode": mode, "seconds": secs, "cpu": cpu, "cases": {"11": stats(np.concatenate(e11)), "01": stats(np.concatenate(e01)), "00": stats(np.concatenate(e00))}}
    print(json.dumps(out))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "dense")
