// The command line that puts the child inside bubblewrap and under kernel resource limits. Pure, so
// the exact boundary is visible in one place and testable without running it.
//
// bwrap gives: new user, PID, network, IPC, UTS and cgroup namespaces (no network at all, not even a
// reachable loopback service), a read-only root holding only the files listed in `binds` (no /proc,
// no /dev: Node needs neither), a small private tmpfs as /tmp and the working directory, no
// environment, no capabilities,
// no nested user namespaces, a new session (no terminal to inject keystrokes into), and death with
// the parent. Inside it, prlimit sets the kernel limits on the Node process before exec: they are set
// inside the new user namespace because the kernel counts RLIMIT_NPROC there per namespace.

export interface OsLimits {
  /** Processes and threads (RLIMIT_NPROC) the sandbox may hold at once. Node itself uses about 12. */
  processes: number;
  /** CPU seconds (RLIMIT_CPU). */
  cpuSeconds: number;
  /** Writable private memory (RLIMIT_DATA): heap, ArrayBuffers, everything Node mallocs. */
  dataBytes: number;
  /** Open file descriptors (RLIMIT_NOFILE). */
  openFiles: number;
  /** Largest file the process may write (RLIMIT_FSIZE). */
  fileBytes: number;
}

/** The unprivileged uid and gid the code runs as inside the sandbox ("nobody"). */
export const SANDBOX_UID = 65534;
const TMPFS_BYTES = 8 * 1024 * 1024;

/** Limits for a run of `timeoutMs` with a V8 heap of `memoryMb`, generous enough to stay backstops. */
export function osLimitsFor(timeoutMs: number, memoryMb: number): OsLimits {
  return {
    processes: 48,
    // Two cores of GC and compiler threads can burn CPU time faster than the wall clock runs.
    cpuSeconds: Math.ceil((2 * timeoutMs) / 1000) + 1,
    // Node's own writable mappings (about 50 MB) + the heap + room for the RSS watchdog to act first.
    dataBytes: (memoryMb + 96 + 256) * 1024 * 1024,
    openFiles: 64,
    fileBytes: 1024 * 1024,
  };
}

export function prlimitArgs(limits: OsLimits): string[] {
  const both = (n: number) => `${n}:${n}`;
  return [
    `--nproc=${both(limits.processes)}`,
    // SIGXCPU at the soft limit (the parent reads exit 128 + 24 as a CPU timeout), SIGKILL a second later.
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--data=${both(limits.dataBytes)}`,
    `--nofile=${both(limits.openFiles)}`,
    `--fsize=${both(limits.fileBytes)}`,
    "--core=0:0",
  ];
}

export interface BubblewrapPlan {
  /** Files (or folders) bound read-only at the same path: node, prlimit and their libraries. */
  binds: string[];
  prlimit: string;
  node: string;
  nodeArgs: string[];
  limits: OsLimits;
  /** Options this bwrap knows (older releases lack --disable-userns and --size). */
  supports: { disableUserns: boolean; tmpfsSize: boolean };
}

export function bubblewrapArgs(plan: BubblewrapPlan): string[] {
  const id = String(SANDBOX_UID);
  return [
    "--unshare-all",
    "--unshare-user",
    "--uid",
    id,
    "--gid",
    id,
    ...(plan.supports.disableUserns ? ["--disable-userns"] : []),
    "--cap-drop",
    "ALL",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--hostname",
    "sandbox",
    ...plan.binds.flatMap((path) => ["--ro-bind", path, path]),
    ...(plan.supports.tmpfsSize ? ["--size", String(TMPFS_BYTES)] : []),
    "--tmpfs",
    "/tmp",
    // The root bwrap builds (a tmpfs holding the mount points) is made read-only, or it would be an
    // unbounded place to write: only the small /tmp stays writable.
    "--remount-ro",
    "/",
    "--chdir",
    "/tmp",
    "--",
    plan.prlimit,
    ...prlimitArgs(plan.limits),
    "--",
    plan.node,
    ...plan.nodeArgs,
  ];
}
