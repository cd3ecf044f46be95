# Runs candidate Python programs for evolab, inside the OS jail.
#
#   runner.py once   read one request {"source", "input"} on stdin, run it, write the result
#                    message on fd 3; stdout and stderr are the program's log.
#   runner.py serve  a fork server: import the preloaded modules once, then for every byte on
#                    fd 3 fork a fresh child that reads one framed request from stdin, runs it in
#                    namespaces of its own and answers one framed response on stdout. The server
#                    itself never reads a request, so no candidate's data is ever in the memory
#                    that the next candidate is forked from.
#
# A program defines run(input) or main() returning JSON-able data (numbers, strings, lists,
# dicts with string keys, numpy arrays). Results are tagged like the JavaScript harness's:
# NaN and infinities as {"$num": "NaN"}, integers beyond 2**53 as {"$bigint": "..."}.
import json
import math
import os
import sys
import traceback

RESULT_FD = 3
MAX_DEPTH = 64


def encode(v, depth=0):
    if depth > MAX_DEPTH:
        raise ValueError("output nests deeper than %d levels" % MAX_DEPTH)
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if abs(v) < 2 ** 53 else {"$bigint": str(v)}
    if isinstance(v, float):
        return v if math.isfinite(v) else {"$num": "NaN" if v != v else ("Infinity" if v > 0 else "-Infinity")}
    if isinstance(v, (list, tuple)):
        return [encode(x, depth + 1) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise TypeError("output dict keys must be strings, found %s" % type(k).__name__)
            out[k] = encode(x, depth + 1)
        return out
    if hasattr(v, "tolist") and callable(v.tolist):  # numpy arrays and scalars
        return encode(v.tolist(), depth + 1)
    raise TypeError("output contains a %s, which is not data" % type(v).__name__)


def write_all(fd, data):
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def send(message):
    write_all(RESULT_FD, (json.dumps(message, allow_nan=False) + "\n").encode("utf-8"))


def fail(kind, exc):
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    send({"ok": False, "kind": kind, "error": text[-4000:]})


def run_candidate(request):
    """Runs one program in this process; the result message goes to fd 3."""
    module = {"__name__": "program", "__file__": "program.py", "__builtins__": __builtins__}
    try:
        code = compile(request.get("source", ""), "program.py", "exec")
        exec(code, module)
        entry = module.get("run")
        args = (request.get("input"),)
        if not callable(entry):
            entry, args = module.get("main"), ()
        if not callable(entry):
            raise NameError("the program defines neither run(input) nor main()")
    except BaseException as e:  # noqa: BLE001 - a candidate may raise anything
        fail("load", e)
        return 1
    try:
        result = entry(*args)
        payload = json.dumps({"ok": True, "output": encode(result)}, allow_nan=False)
    except BaseException as e:  # noqa: BLE001
        fail("run", e)
        return 1
    sys.stdout.flush()
    sys.stderr.flush()
    write_all(RESULT_FD, (payload + "\n").encode("utf-8"))
    for fd in (RESULT_FD, 1, 2):  # done: whoever reads these may answer before this process is torn down
        try:
            os.close(fd)
        except OSError:
            pass
    return 0


def read_stdin():
    chunks = []
    while True:
        b = os.read(0, 1 << 20)
        if not b:
            break
        chunks.append(b)
    return json.loads(b"".join(chunks).decode("utf-8") or "null")


def once():
    os.closerange(4, 65536)  # only stdin, stdout, stderr and the result channel reach the program
    request = read_stdin()
    code = run_candidate(request)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__" and sys.argv[1:2] == ["once"]:
    once()
elif __name__ == "__main__" and sys.argv[1:2] == ["serve"]:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import forkserver  # noqa: E402

    forkserver.serve(run_candidate)
else:
    sys.stderr.write("usage: runner.py once|serve\n")
    sys.exit(2)
