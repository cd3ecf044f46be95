"""Evaluator in OpenEvolve's layout: evaluate(program_path) imports the program and scores it."""
import importlib.util
import math

from openevolve.evaluation_result import EvaluationResult

REFERENCE_VALUE = -1.75  # below the best value found by a dense grid search


def _load(program_path):
    spec = importlib.util.spec_from_file_location("program", program_path)
    program = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(program)
    return program


def _scores(program):
    x, y, reported = program.run_search()
    value = program.evaluate_function(x, y)
    # The program's own value is not trusted: it is recomputed from x and y.
    if not all(math.isfinite(v) for v in (x, y, value)) or abs(x) > 10 or abs(y) > 10:
        return None
    return {"value_score": 1.0 / (1.0 + max(0.0, value - REFERENCE_VALUE)), "distance_score": 1.0 / (1.0 + math.hypot(x, y + 0.94)), "value": value}


def _scored(program_path):
    """The program's scores, or an EvaluationResult saying why there are none."""
    try:
        scores = _scores(_load(program_path))
    except Exception as e:  # noqa: BLE001
        return EvaluationResult(metrics={"combined_score": 0.0}, artifacts={"error": str(e)})
    if scores is None:
        return EvaluationResult(metrics={"combined_score": 0.0}, artifacts={"error": "not a finite point inside [-10, 10]^2"})
    return scores


def evaluate_stage1(program_path):
    """A quick check that the program runs and returns a point."""
    scores = _scored(program_path)
    if isinstance(scores, EvaluationResult):
        return scores
    return {"combined_score": scores["value_score"], "value": scores["value"]}


def evaluate(program_path):
    """The full score: mostly the value found, a little the distance to the known minimum."""
    scores = _scored(program_path)
    if isinstance(scores, EvaluationResult):
        return scores
    combined = 0.8 * scores["value_score"] + 0.2 * scores["distance_score"]
    return EvaluationResult(metrics={"combined_score": combined, **scores}, artifacts={"note": "value recomputed by the evaluator"})
