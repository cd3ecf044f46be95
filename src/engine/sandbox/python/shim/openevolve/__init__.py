# The part of OpenEvolve's package that evaluators import, provided by evolab so that evaluators
# written for OpenEvolve run unchanged. Only `openevolve.evaluation_result` is provided.
