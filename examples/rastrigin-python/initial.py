# Searches for a low point of the Rastrigin function: random restarts, then coordinate descent.
import numpy as np

# EVOLVE-BLOCK-START
RESTARTS = 8
SPREAD = 4.0
STEPS = 60
STEP_SIZE = 0.3
SHRINK = 0.95
SEED = 1
# EVOLVE-BLOCK-END


def rastrigin(x):
    return 10 * len(x) + float(np.sum(x * x - 10 * np.cos(2 * np.pi * x)))


def run(input):
    d = int(input["dimensions"])
    rng = np.random.default_rng(int(round(SEED)))
    best, best_value = None, np.inf
    for _ in range(max(1, int(round(RESTARTS)))):
        x = rng.uniform(-SPREAD, SPREAD, d)
        step = STEP_SIZE
        for _ in range(max(0, int(round(STEPS)))):
            for i in range(d):
                for delta in (step, -step):
                    y = x.copy()
                    y[i] += delta
                    if rastrigin(y) < rastrigin(x):
                        x = y
            step *= SHRINK
        value = rastrigin(x)
        if value < best_value:
            best, best_value = x, value
    return {"x": np.clip(best, -5.12, 5.12)}
