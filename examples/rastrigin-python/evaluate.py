# Scores the point a program returned: runs in a jail of its own and sees only that data.
import math


def verify(output, input):
    x = output.get("x") if isinstance(output, dict) else None
    d = int(input["dimensions"])
    if not isinstance(x, list) or len(x) != d:
        return {"valid": False, "reason": "expected x with %d coordinates" % d, "metrics": {}}
    for i, v in enumerate(x):
        if not isinstance(v, (int, float)) or not math.isfinite(v) or abs(v) > 5.12:
            return {"valid": False, "reason": "x[%d] is not a number in [-5.12, 5.12]" % i, "metrics": {}}
    value = 10 * d + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)
    return {"metrics": {"value": value}}
