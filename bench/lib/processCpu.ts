// CPU time used, for "CPU per request" figures that busy-machine noise distorts far less than
// latency: this process via process.cpuUsage(), another process by pid via /proc/<pid>/stat.
import { readFileSync } from "node:fs";

/** User + system CPU of this process, in microseconds. */
export const ownCpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** User + system CPU of a process by pid, in microseconds (10 ms resolution); 0 if unreadable. */
export function pidCpuUs(pid: number): () => number {
  return () => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may contain spaces) start at ") ".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      return (ticks * 1_000_000) / 100;
    } catch {
      return 0;
    }
  };
}
