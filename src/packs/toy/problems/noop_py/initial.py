# The cheapest possible Python candidate: it returns one tunable constant, so the offline mutator
# makes every candidate different (none is a cache hit) and a run measures the engine's own cost.
# EVOLVE-BLOCK-START
VALUE = 1.0
# EVOLVE-BLOCK-END


def run(input=None):
    return {"value": VALUE}
