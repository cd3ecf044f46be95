# EVOLVE-BLOCK-START
"""Searches for the minimum of a bumpy two-dimensional function with random local search."""
import random

ITERATIONS = 400
STEP = 0.5
SEED = 11


def search(iterations=ITERATIONS, step=STEP, seed=SEED):
    rng = random.Random(int(seed))
    iterations = max(0, min(int(iterations), 20000))
    x, y = rng.uniform(-5, 5), rng.uniform(-5, 5)
    best = evaluate_function(x, y)
    for _ in range(iterations):
        nx, ny = x + rng.gauss(0, step), y + rng.gauss(0, step)
        value = evaluate_function(nx, ny)
        if value < best:
            x, y, best = nx, ny, value
    return x, y, best


# EVOLVE-BLOCK-END


def evaluate_function(x, y):
    """The function to minimise: a bowl with ripples; its minimum is near (0.0, -0.94)."""
    import math
    return 0.1 * (x * x + y * y) + math.sin(3 * x) * math.cos(2 * y) + math.sin(x * y)


def run_search():
    return search()
