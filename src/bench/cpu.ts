/** CPU time for the benches: per thread from /proc (Linux), and process.cpuUsage in ms. */
import { readFileSync } from "node:fs";

export function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

/** CPU seconds (user + system) of this process since `t0`: on a shared machine, less dependent on the other jobs than wall time. */
export function cpuSecondsSince(t0: NodeJS.CpuUsage): number {
  return cpuMs(process.cpuUsage(t0)) / 1000;
}

/** This process's main thread's CPU time in ms (Linux: /proc/self/task/PID/stat, utime + stime), or null. */
export function mainThreadCpuMs(): number | null {
  return procTicks(`/proc/self/task/${process.pid}/stat`);
}

/** utime + stime of a /proc stat file, in ms, or null when it cannot be read (not Linux, a process gone). */
export function procTicks(path: string): number | null {
  try {
    const fields = readFileSync(path, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
