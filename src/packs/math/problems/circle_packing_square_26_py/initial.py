# Packs 26 disjoint circles in the unit square, maximising the sum of radii.
# run(input) returns {"circles": [[x, y, r], ...]}; the verifier checks disjointness and
# containment exactly. A row layout refined by a penalty method (Adam on -sum(r) + mu * violation^2),
# written with numpy; the skeleton outside the block shrinks radii to a feasible packing.
import numpy as np

# EVOLVE-BLOCK-START
ROW_COUNTS = [5, 5, 6, 5, 5]
ROW_SHIFT = 0.25
EDGE = 0.1
JITTER = 0.01
SEED = 7
STEPS = 12
LEARNING_RATE = 0.001
PENALTY_START = 20
PENALTY_GROWTH = 1.01
RADIUS_START = 0.04


def layout(rng):
    pts = []
    rows = len(ROW_COUNTS)
    for i, count in enumerate(ROW_COUNTS):
        k = max(1, int(round(count)))
        y = 0.5 if rows == 1 else EDGE + (1 - 2 * EDGE) * i / (rows - 1)
        step = 0.0 if k == 1 else (1 - 2 * EDGE) / (k - 1)
        for j in range(k):
            x = (0.5 if k == 1 else EDGE + step * j) + (ROW_SHIFT * step if i % 2 else 0.0)
            pts.append((x + JITTER * (rng.random() - 0.5), y + JITTER * (rng.random() - 0.5)))
    return pts


def refine(x, y, r):
    n = len(r)
    params = np.concatenate([x, y, r])
    m = np.zeros_like(params)
    v = np.zeros_like(params)
    mu = PENALTY_START
    for t in range(1, min(max(0, int(round(STEPS))), 4000) + 1):
        x, y, r = params[:n], params[n:2 * n], params[2 * n:]
        gx, gy, gr = np.zeros(n), np.zeros(n), -np.ones(n)
        for wall, sx, sy in ((r - x, -1, 0), (x + r - 1, 1, 0), (r - y, 0, -1), (y + r - 1, 0, 1)):
            over = np.maximum(wall, 0)
            gx += 2 * mu * over * sx
            gy += 2 * mu * over * sy
            gr += 2 * mu * over
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        d = np.sqrt(dx * dx + dy * dy) + 1e-12
        o = np.triu(np.maximum(r[:, None] + r[None, :] - d, 0), 1)
        o = o + o.T
        c = 2 * mu * o
        gx -= (c * dx / d).sum(axis=1)
        gy -= (c * dy / d).sum(axis=1)
        gr += c.sum(axis=1)
        g = np.concatenate([gx, gy, gr])
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        params = params - LEARNING_RATE * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-12)
        params[2 * n:] = np.maximum(params[2 * n:], 0)
        mu = min(mu * PENALTY_GROWTH, 1e5)
    return params[:n], params[n:2 * n], params[2 * n:]
# EVOLVE-BLOCK-END

N = 26


def feasible(x, y, r):
    """Largest radii not above the proposed ones that make the packing valid, with a safety margin."""
    x = np.clip(np.nan_to_num(x, nan=0.5), 0, 1)
    y = np.clip(np.nan_to_num(y, nan=0.5), 0, 1)
    r = np.nan_to_num(r, nan=0.0)
    r = np.maximum(0, np.minimum.reduce([r, x, y, 1 - x, 1 - y]))
    for _ in range(100):
        changed = False
        for i in range(N):
            for j in range(i + 1, N):
                d = float(np.hypot(x[i] - x[j], y[i] - y[j]))
                if r[i] + r[j] > d:
                    s = d / (r[i] + r[j])
                    r[i] *= s
                    r[j] *= s
                    changed = True
        if not changed:
            break
    return x, y, r * (1 - 1e-9)


def run(input=None):
    rng = np.random.default_rng(int(round(SEED)))
    pts = layout(rng)[:N]
    while len(pts) < N:
        pts.append((rng.random(), rng.random()))
    x = np.array([p[0] for p in pts], dtype=float)
    y = np.array([p[1] for p in pts], dtype=float)
    r = np.full(N, max(0.0, RADIUS_START))
    x, y, r = refine(x, y, r)
    x, y, r = feasible(x, y, r)
    return {"circles": [[float(a), float(b), float(c)] for a, b, c in zip(x, y, r)]}
