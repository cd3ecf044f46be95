# The fork server behind `runner.py serve` (see runner.py). Per candidate:
#   server  waits for one byte on fd 3, forks a child, reaps it, kills anything left over.
#   child   reads one framed request from stdin, enters new user, mount, PID, IPC, UTS and network
#           namespaces, forks the candidate process, relays its log and result with caps and a
#           deadline, and writes one framed response on stdout.
#   process (PID 1 of its namespace, so everything it starts dies with it) gets a fresh /proc, a
#           size-capped tmpfs scratch folder, no capabilities, no further user namespaces and its
#           own address-space limit, then runs the program.
import ctypes
import json
import os
import resource
import select
import signal
import sys
import time

CONTROL_FD = 3
CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_CAPBSET_DROP = 1, 24
LOG_TAIL = 4000

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
    check(libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUTS), "unshare")
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


def prepare_process(request):
    """In the candidate process (PID 1 of its namespace), before any of its code runs."""
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    os.setsid()  # its own session and process group: kill(0) cannot reach the relay
    check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "mount private")
    check(libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None), "mount /proc")
    size = b"size=%dk,mode=0700" % (int(request["scratchMb"]) * 1024)
    check(libc.mount(b"tmpfs", b"/scratch", b"tmpfs", MS_NOSUID | MS_NODEV, size), "mount /scratch")
    os.chdir("/scratch")
    write_file("/proc/sys/user/max_user_namespaces", "0")
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


def read_request():
    header = b""
    while not header.endswith(b"\n"):
        b = os.read(0, 1)
        if not b:
            raise EOFError("no request")
        header += b
    return json.loads(read_exact(0, int(header)).decode("utf-8"))


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
        if self.verdict is None:
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


def child(run_candidate):
    """One candidate: namespaces, the candidate process, the relay, the response."""
    request = read_request()
    enter_namespaces()
    log_r, log_w = os.pipe()
    res_r, res_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            null = os.open("/dev/null", os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(log_w, 1)
            os.dup2(log_w, 2)
            os.dup2(res_w, 3)
            os.closerange(4, 65536)
            sys.stdin = open(0, "r", closefd=False)
            sys.stdout = open(1, "w", closefd=False)
            sys.stderr = open(2, "w", closefd=False)
            prepare_process(request)
        except BaseException as e:  # noqa: BLE001
            os.write(2, ("jail setup failed: %s\n" % e).encode())
            os._exit(125)
        code = run_candidate(request)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    os.close(log_w)
    os.close(res_w)
    relay = Relay(log_r, res_r, pid, request)
    relay.pump(request)
    _, status = os.waitpid(pid, 0)
    respond({
        "status": exit_status(status),
        "verdict": relay.verdict,
        "result": relay.fds[res_r].decode("utf-8", "replace") if relay.verdict is None else "",
        "log": relay.fds[log_r][-LOG_TAIL:].decode("utf-8", "replace"),
    })


def serve(run_candidate):
    for name in os.environ.get("EVOLAB_PRELOAD", "").split(","):
        if name:
            try:
                __import__(name)
            except ImportError:
                pass
    respond({"ready": True, "pid": os.getpid()})
    while True:
        if not os.read(CONTROL_FD, 1):
            return
        pid = os.fork()
        if pid == 0:
            try:
                os.close(CONTROL_FD)
                child(run_candidate)
                code = 0
            except BaseException as e:  # noqa: BLE001
                respond({"status": 125, "verdict": {"kind": "jail", "reason": "the fork server could not run the candidate: %s" % e}, "result": "", "log": ""})
                code = 1
            os._exit(code)
        os.waitpid(pid, 0)
        try:
            os.kill(-1, signal.SIGKILL)  # anything a candidate left behind in this jail
        except ProcessLookupError:
            pass
