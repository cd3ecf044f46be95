// A seccomp filter for jailed processes, written as classic BPF: system calls a numerical
// program never needs and that widen the kernel's attack surface, reach other processes or hold
// kernel memory outside every limit (ptrace, process_vm_*, keyrings, bpf, perf, userfaultfd,
// io_uring and Linux AIO, module loading, mounts, namespaces, sockets of every kind, memfd and
// SysV shared memory and message queues: kernel memory no rlimit or resident-size watchdog counts,
// and Unix sockets can keep file descriptors alive inside their own queues after the process is
// gone) fail with EPERM; system calls newer than the table get ENOSYS; any other ABI on the same machine (32-bit x86, x32) is refused
// whole, so a filter written for one syscall table cannot be sidestepped through another.

export type SeccompProfile = 'candidate' | 'server';

interface Arch {
  audit: number;
  /** System calls numbered from here on are newer than this table: ENOSYS, as on an older kernel. */
  firstUnknown: number;
  /** Syscall numbers at or above this are another ABI (x32 on x86_64). */
  abiLimit: number | null;
  calls: Record<string, number>;
}

const X86_64: Arch = {
  audit: 0xc000003e,
  firstUnknown: 468,
  abiLimit: 0x40000000,
  calls: {
    ptrace: 101, process_vm_readv: 310, process_vm_writev: 311, kcmp: 312, pidfd_getfd: 438,
    keyctl: 250, add_key: 248, request_key: 249, bpf: 321, perf_event_open: 298, userfaultfd: 323,
    io_uring_setup: 425, io_uring_enter: 426, io_uring_register: 427,
    init_module: 175, finit_module: 313, delete_module: 176, kexec_load: 246, kexec_file_load: 320,
    reboot: 169, swapon: 167, swapoff: 168, acct: 163, syslog: 103, personality: 135, quotactl: 179,
    open_by_handle_at: 304, name_to_handle_at: 303, fanotify_init: 300, lookup_dcookie: 212, vhangup: 153,
    chroot: 161, pivot_root: 155, setns: 308,
    mount: 165, umount2: 166, unshare: 272,
    open_tree: 428, move_mount: 429, fsopen: 430, fsconfig: 431, fsmount: 432, fspick: 433, mount_setattr: 442,
    io_setup: 206, io_destroy: 207, io_getevents: 208, io_submit: 209, io_cancel: 210, io_pgetevents: 333,
    socket: 41, socketpair: 53,
    memfd_create: 319, memfd_secret: 447, shmget: 29, shmat: 30, shmctl: 31, msgget: 68, msgsnd: 69, msgrcv: 70, msgctl: 71,
    modify_ldt: 154, quotactl_fd: 443, statmount: 457, listmount: 458, open_tree_attr: 467,
  },
};

const AARCH64: Arch = {
  audit: 0xc00000b7,
  firstUnknown: 468,
  abiLimit: null,
  calls: {
    ptrace: 117, process_vm_readv: 270, process_vm_writev: 271, kcmp: 272, pidfd_getfd: 438,
    keyctl: 219, add_key: 217, request_key: 218, bpf: 280, perf_event_open: 241, userfaultfd: 282,
    io_uring_setup: 425, io_uring_enter: 426, io_uring_register: 427,
    init_module: 105, finit_module: 273, delete_module: 106, kexec_load: 104, kexec_file_load: 294,
    reboot: 142, swapon: 224, swapoff: 225, acct: 89, syslog: 116, personality: 92, quotactl: 60,
    open_by_handle_at: 265, name_to_handle_at: 264, fanotify_init: 262, lookup_dcookie: 18, vhangup: 58,
    chroot: 51, pivot_root: 41, setns: 268,
    mount: 40, umount2: 39, unshare: 97,
    open_tree: 428, move_mount: 429, fsopen: 430, fsconfig: 431, fsmount: 432, fspick: 433, mount_setattr: 442,
    io_setup: 0, io_destroy: 1, io_submit: 2, io_cancel: 3, io_getevents: 4, io_pgetevents: 292,
    socket: 198, socketpair: 199,
    memfd_create: 279, memfd_secret: 447, shmget: 194, shmat: 196, shmctl: 195, msgget: 186, msgsnd: 189, msgrcv: 188, msgctl: 187,
    quotactl_fd: 443, statmount: 457, listmount: 458, open_tree_attr: 467,
  },
};

/** What the Python fork server itself needs to give each candidate its own namespaces. */
const SERVER_NEEDS = new Set(['unshare', 'mount']);

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_RET_K = 0x06;
const RET_ALLOW = 0x7fff0000;
const RET_EPERM = 0x00050000 | 1;
const RET_ENOSYS = 0x00050000 | 38;
const CLONE3: Record<number, number> = { [X86_64.audit]: 435, [AARCH64.audit]: 435 };

export function seccompArch(arch: string = process.arch): Arch | null {
  return arch === 'x64' ? X86_64 : arch === 'arm64' ? AARCH64 : null;
}

/** The names a profile refuses. */
export function deniedCalls(profile: SeccompProfile, arch: Arch): string[] {
  return Object.keys(arch.calls).filter((n) => profile === 'candidate' || !SERVER_NEEDS.has(n));
}

/** The filter as bytes (struct sock_filter[]), ready for bwrap --seccomp or prctl. */
export function buildFilter(profile: SeccompProfile, arch: Arch): Buffer {
  const prog: [number, number, number, number][] = [];
  const op = (code: number, k: number, jt = 0, jf = 0) => prog.push([code, jt, jf, k >>> 0]);
  op(BPF_LD_W_ABS, 4); // seccomp_data.arch
  op(BPF_JEQ_K, arch.audit, 1, 0);
  op(BPF_RET_K, RET_EPERM); // another ABI: refused whole
  op(BPF_LD_W_ABS, 0); // seccomp_data.nr
  if (arch.abiLimit !== null) {
    op(BPF_JGE_K, arch.abiLimit, 0, 1);
    op(BPF_RET_K, RET_EPERM);
  }
  // System calls added after this table was written are answered as an older kernel would.
  op(BPF_JGE_K, arch.firstUnknown, 0, 1);
  op(BPF_RET_K, RET_ENOSYS);
  // clone3 passes its flags in memory a filter cannot read: ENOSYS makes libc fall back to clone.
  if (profile === 'candidate') {
    op(BPF_JEQ_K, CLONE3[arch.audit], 0, 1);
    op(BPF_RET_K, RET_ENOSYS);
  }
  for (const name of deniedCalls(profile, arch)) {
    op(BPF_JEQ_K, arch.calls[name], 0, 1);
    op(BPF_RET_K, RET_EPERM);
  }
  op(BPF_RET_K, RET_ALLOW);
  const buf = Buffer.alloc(prog.length * 8);
  prog.forEach(([code, jt, jf, k], i) => {
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k, i * 8 + 4);
  });
  return buf;
}

const filters = new Map<SeccompProfile, Buffer>();

/** The profile's filter for this machine (built once), or null on other architectures. */
export function seccompFilter(profile: SeccompProfile): Buffer | null {
  const arch = seccompArch();
  if (!arch || process.platform !== 'linux') return null;
  let f = filters.get(profile);
  if (!f) filters.set(profile, (f = buildFilter(profile, arch)));
  return f;
}
