# Straightforward numpy MLP (float64) trained with Adam on MSE: the reference for the
# throughput benchmark. Usage: python3 mlp_numpy.py ACT BATCH EPOCHS  (ACT = relu | lmn)
import sys, time, json
import numpy as np

act, batch, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(0)
n, d, h = 8192, 8, 64
X = rng.standard_normal((n, d)); y = np.sin(X[:, :1]) + X[:, 1:2] ** 2
sizes = [d, h, h, 1]
W = [rng.uniform(-1, 1, (o, i)) / np.sqrt(i) for i, o in zip(sizes[:-1], sizes[1:])]
B = [rng.uniform(-1, 1, (o,)) / np.sqrt(i) for i, o in zip(sizes[:-1], sizes[1:])]
params = W + B
m = [np.zeros_like(p) for p in params]; v = [np.zeros_like(p) for p in params]
budget = 2.0 ** (1 / 3)

def norm_fwd(w):  # column abs-sum normalisation (thesis Eq. 2.8)
    a = np.abs(w).sum(axis=0)
    s = np.where(a > budget, budget / a, 1.0)
    return w * s, a, s

def norm_bwd(w, a, s, g):
    dot = (g * w).sum(axis=0)
    k = np.where(a > budget, budget / a ** 2 * dot, 0.0)
    return g * s - np.sign(w) * k

def groupsort_fwd(z):
    zz = z.reshape(z.shape[0], -1, 2)
    idx = np.argsort(zz, axis=2)
    return np.take_along_axis(zz, idx, axis=2).reshape(z.shape), idx

def groupsort_bwd(g, idx):
    gg = g.reshape(g.shape[0], -1, 2)
    out = np.empty_like(gg)
    np.put_along_axis(out, idx, gg, axis=2)
    return out.reshape(g.shape)

def step(xb, yb, t):
    Wn, caches = [], []
    for w in W:
        if act == 'lmn':
            wn, a, s = norm_fwd(w); Wn.append(wn); caches.append((a, s))
        else:
            Wn.append(w)
    hs, extra = [xb], []
    z = xb
    for l in range(3):
        z = z @ Wn[l].T + B[l]
        if l < 2:
            if act == 'lmn':
                z, idx = groupsort_fwd(z); extra.append(idx)
            else:
                extra.append(z > 0); z = np.maximum(z, 0)
        hs.append(z)
    g = 2 * (z - yb) / len(xb)
    gW, gB = [None] * 3, [None] * 3
    for l in (2, 1, 0):
        gW[l] = g.T @ hs[l]; gB[l] = g.sum(axis=0)
        if l > 0:
            g = g @ Wn[l]
            g = groupsort_bwd(g, extra[l - 1]) if act == 'lmn' else g * extra[l - 1]
    if act == 'lmn':
        gW = [norm_bwd(W[l], *caches[l], gW[l]) for l in range(3)]
    grads = gW + gB
    for p, gr, mi, vi in zip(params, grads, m, v):
        mi *= 0.9; mi += 0.1 * gr
        vi *= 0.999; vi += 0.001 * gr * gr
        p -= 1e-3 * (mi / (1 - 0.9 ** t)) / (np.sqrt(vi / (1 - 0.999 ** t)) + 1e-8)

t = 0
def epoch():
    global t
    perm = rng.permutation(n)
    for s in range(0, n, batch):
        ib = perm[s:s + batch]; t += 1
        step(X[ib], y[ib], t)

epoch()  # warm-up
t0 = time.perf_counter()
for _ in range(epochs): epoch()
dt = time.perf_counter() - t0
print(json.dumps({"samplesPerSecond": n * epochs / dt, "seconds": dt}))
