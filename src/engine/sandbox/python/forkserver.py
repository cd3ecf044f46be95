# The fork server behind `runner.py serve` (see runner.py). The chain for the next candidate is
# built ahead of time, before its request exists, so every process in it starts pristine:
#   server  forks the next relay while the current candidate runs, and lets it announce itself
#           only once the current relay has ended (after its candidate's namespace has died).
#   relay   enters new user, mount, PID, IPC and UTS namespaces, forks the candidate process,
#           then waits for one framed request on stdin, hands it over, relays the candidate's log
#           and result with caps and a deadline, and writes one framed response on stdout.
#   process (PID 1 of its namespace, so everything it starts dies with it) gets a fresh /proc and
#           a size-capped tmpfs scratch folder, waits for its request, then drops every
#           capability, forbids further user namespaces, installs the seccomp filter and its own
#           address-space and CPU limits, and runs the program.
# The jail's network namespace is shared by the candidates of one server in turn; candidates
# cannot open sockets (seccomp), so nothing of theirs lives in it.
import base64
import ctypes
import fcntl
import json
import os
import resource
import select
import signal
import sys
import time

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_CAPBSET_DROP = 1, 24
LOG_TAIL = 4000
NO_MORE_REQUESTS = 3  # a relay's exit status when the engine closed its end

libc = ctypes.CDLL(None, use_errno=True)


def check(rc, what):
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))


class CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def drop_capabilities():
    for cap in range(64):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    header = CapHeader(0x20080522, 0)
    data = (CapData * 2)()
    check(libc.capset(ctypes.byref(header), data), "capset")


def write_file(path, text):
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def enter_namespaces():
    uid, gid = os.getuid(), os.getgid()
    check(libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS), "unshare")
    write_file("/proc/self/setgroups", "deny")
    write_file("/proc/self/uid_map", "%d %d 1" % (uid, uid))
    write_file("/proc/self/gid_map", "%d %d 1" % (gid, gid))


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
SECCOMP_FILTER = bytes.fromhex(os.environ.get("EVOLAB_SECCOMP", ""))


def install_seccomp():
    """The candidate filter, on top of the server's (filters stack; the stricter answer wins)."""
    if not SECCOMP_FILTER:
        return
    buf = ctypes.create_string_buffer(SECCOMP_FILTER, len(SECCOMP_FILTER))
    prog = SockFprog(len(SECCOMP_FILTER) // 8, ctypes.cast(buf, ctypes.c_void_p))
    check(libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0), "seccomp")


def vm_size_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1])
    return 0


SCRATCH_KB = int(os.environ.get("EVOLAB_SCRATCH_MB", "64")) * 1024


def prepare_mounts():
    """In the candidate process (PID 1 of its namespace), before its request arrives."""
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    os.setsid()  # its own session and process group: kill(0) cannot reach the relay
    check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "mount private")
    check(libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None), "mount /proc")
    size = b"size=%dk,nr_inodes=%d,mode=0700" % (SCRATCH_KB, 16384)
    check(libc.mount(b"tmpfs", b"/scratch", b"tmpfs", MS_NOSUID | MS_NODEV, size), "mount /scratch")
    os.chdir("/scratch")
    write_file("/proc/sys/user/max_user_namespaces", "0")


def prepare_process(request):
    """In the candidate process, once its request is known, before any of its code runs."""
    drop_capabilities()
    install_seccomp()
    limit = (vm_size_kb() + int(request["memoryMb"]) * 1024) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = int(request["cpuSeconds"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def read_exact(fd, n):
    parts = []
    while n > 0:
        b = os.read(fd, min(n, 1 << 20))
        if not b:
            raise EOFError("request ended early")
        parts.append(b)
        n -= len(b)
    return b"".join(parts)


def read_frame(fd):
    """One `<length>\n<json>` frame, read byte-exactly so nothing of the next one is consumed."""
    header = b""
    while not header.endswith(b"\n"):
        b = os.read(fd, 1)
        if not b:
            raise EOFError("no request")
        header += b
    return read_exact(fd, int(header))


def respond(message):
    data = json.dumps(message).encode("utf-8")
    view = memoryview(b"%d\n" % len(data) + data)
    while view:
        view = view[os.write(1, view):]


class Relay:
    """Reads the candidate's log and result pipes within a byte cap and a deadline."""

    def __init__(self, log_fd, result_fd, pid, request):
        self.fds = {log_fd: bytearray(), result_fd: bytearray()}
        self.log_fd, self.result_fd, self.pid = log_fd, result_fd, pid
        self.cap = int(request["maxOutputBytes"])
        self.deadline = time.monotonic() + int(request["timeoutMs"]) / 1000
        self.total = 0
        self.verdict = None

    def kill(self, kind, reason):
        if self.verdict is None and kind is not None:
            self.verdict = {"kind": kind, "reason": reason}
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def pump(self, request):
        open_fds = list(self.fds)
        while open_fds:
            left = self.deadline - time.monotonic()
            if left <= 0 and self.verdict is None:
                self.kill("timeout", "exceeded the wall-clock limit of %d ms" % int(request["timeoutMs"]))
            ready, _, _ = select.select(open_fds, [], [], max(0.0, left) if self.verdict is None else 1.0)
            for fd in ready:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    open_fds.remove(fd)
                    continue
                self.total += len(chunk)
                if self.total > self.cap:
                    self.kill("output-limit", "printed more than %d bytes" % self.cap)
                buf = self.fds[fd]
                buf += chunk
                if fd == self.log_fd and len(buf) > 4 * LOG_TAIL:
                    del buf[: len(buf) - LOG_TAIL]
                if fd == self.result_fd and self.verdict is not None:
                    buf.clear()


def exit_status(status):
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def candidate(run_candidate, req_r, log_w, res_w):
    """The candidate process: pristine until its request arrives on req_r."""
    try:
        # Moved out of the way first: any of them may sit on a number another is about to take.
        null, log, res, req = (fcntl.fcntl(fd, fcntl.F_DUPFD, 100) for fd in (os.open("/dev/null", os.O_RDONLY), log_w, res_w, req_r))
        for target, fd in ((0, null), (1, log), (2, log), (3, res), (4, req)):
            os.dup2(fd, target)
        os.closerange(5, 65536)
        sys.stdin = open(0, "r", closefd=False)
        sys.stdout = open(1, "w", closefd=False)
        sys.stderr = open(2, "w", closefd=False)
        prepare_mounts()
        request = json.loads(read_frame(4).decode("utf-8"))
        os.close(4)
        prepare_process(request)
    except BaseException as e:  # noqa: BLE001
        os.write(2, ("jail setup failed: %s\n" % e).encode())
        os._exit(125)
    code = run_candidate(request)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def relay_one(run_candidate, go, consumed):
    """The relay: build the candidate's namespaces and process, wait until the server says the
    previous candidate's namespace has died (`go`), announce itself ready, serve one request, and
    tell the server (`consumed`) once it has read that request."""
    try:
        enter_namespaces()
        req_r, req_w = os.pipe()
        log_r, log_w = os.pipe()
        res_r, res_w = os.pipe()
        pid = os.fork()
    except OSError as e:
        os.read(go, 1)
        respond({"ready": True})
        read_frame(0)  # the request this failure answers
        os.write(consumed, b"x")
        raise RuntimeError("could not build the candidate's namespaces: %s" % e) from e
    if pid == 0:
        for fd in (req_w, log_r, res_r):
            os.close(fd)
        candidate(run_candidate, req_r, log_w, res_w)
    for fd in (req_r, log_w, res_w):
        os.close(fd)
    os.read(go, 1)
    respond({"ready": True})  # the engine starts this candidate's clock only now
    raw = read_frame(0)
    os.write(consumed, b"x")
    request = json.loads(raw.decode("utf-8"))
    try:
        view = memoryview(b"%d\n" % len(raw) + raw)
        while view:
            view = view[os.write(req_w, view):]
    except BrokenPipeError:
        pass  # the candidate process died during its set-up; its exit status says so
    os.close(req_w)
    relay = Relay(log_r, res_r, pid, request)
    relay.pump(request)
    result = bytes(relay.fds[res_r]) if relay.verdict is None else b""
    status = None
    if result:
        # The program closed its output: answer at once, and end whatever it still runs
        # (its namespace dies with it) instead of waiting for its memory to be torn down.
        relay.kill(None, None)
    else:
        status = exit_status(os.waitpid(pid, 0)[1])
    respond({
        "status": status,
        "verdict": relay.verdict,
        # base64, not a JSON string: escaping control bytes would multiply the size by six.
        "result64": base64.b64encode(result).decode("ascii"),
        "log": relay.fds[log_r][-LOG_TAIL:].decode("utf-8", "replace"),
    })
    if status is None:
        os.waitpid(pid, 0)


def fork_retrying(attempts=50):
    """fork(), retried while the process limit is momentarily full (a candidate's processes dying)."""
    for i in range(attempts):
        try:
            return os.fork()
        except BlockingIOError:
            time.sleep(0.01 * (i + 1))
    return os.fork()


def serve(run_candidate):
    os.closerange(3, 65536)  # nothing but stdin, stdout and stderr: no descriptor reaches a candidate by accident
    for name in os.environ.get("EVOLAB_PRELOAD", "").split(","):
        if name:
            try:
                __import__(name)
            except ImportError:
                pass
    respond({"ready": True, "pid": os.getpid()})
    previous = None
    while True:
        # The next relay and its candidate process are built while the current candidate runs,
        # always before the next request exists; the relay announces itself only once the
        # previous relay has ended, which is after its candidate's PID namespace has died.
        go_r, go_w = os.pipe()
        consumed_r, consumed_w = os.pipe()
        pid = fork_retrying()
        if pid == 0:
            os.close(go_w)
            os.close(consumed_r)
            try:
                relay_one(run_candidate, go_r, consumed_w)
                code = 0
            except EOFError:
                code = NO_MORE_REQUESTS
            except BaseException as e:  # noqa: BLE001
                respond({"status": 125, "verdict": {"kind": "jail", "reason": "the fork server could not run the candidate: %s" % e}, "result": "", "log": ""})
                code = 1
            os._exit(code)
        os.close(go_r)
        os.close(consumed_w)
        if previous is not None:
            os.waitpid(previous, 0)
        os.write(go_w, b"x")
        os.close(go_w)
        got = os.read(consumed_r, 1)
        os.close(consumed_r)
        if not got:  # the relay ended without taking a request: the engine has closed its end
            _, status = os.waitpid(pid, 0)
            if os.WIFEXITED(status) and os.WEXITSTATUS(status) == NO_MORE_REQUESTS:
                return
            previous = None
            continue
        previous = pid
