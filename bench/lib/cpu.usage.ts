import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ); 100 on every common Linux. */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export type ProcCpu = { comm: string; ppid: number; ownMs: number; reapedChildrenMs: number };

/** User+system CPU of a process from /proc (Linux only); null when it cannot be read. */
export function readProcCpu(pid: number | 'self'): ProcCpu | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  // Fields from the third on (state); utime, stime, cutime, cstime are fields 14 to 17.
  const f = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const ms = (ticks: number | undefined) => ((ticks ?? 0) * 1000) / ticksPerSecond;
  return {
    comm,
    ppid: f[1] ?? 0,
    ownMs: ms(f[11]) + ms(f[12]),
    reapedChildrenMs: ms(f[13]) + ms(f[14]),
  };
}

/** The CPU this process has spent on children it has waited for (e.g. a finished pgbench). */
export function reapedChildrenCpuMs(): number | null {
  return readProcCpu('self')?.reapedChildrenMs ?? null;
}

/**
 * The pids of the backends connected to the current database: every client backend but the
 * asking one, or only pgbench's (pgbench sets application_name).
 */
export function backendPidsSql(which: 'all' | 'pgbench'): string {
  return `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
    AND pid <> pg_backend_pid()${which === 'pgbench' ? " AND application_name = 'pgbench'" : ''}`;
}

/**
 * Sums the CPU PostgreSQL backend processes spent between a first and a last reading. Works
 * only when the server runs on this machine and /proc shows its processes; otherwise
 * `totalMs()` is null.
 */
export class BackendCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readable = true;

  /** `fromZero`: the backends are new, so count everything they have spent so far. */
  constructor(
    pids: number[],
    private readonly fromZero: boolean,
  ) {
    for (const pid of pids) this.track(pid);
  }

  private track(pid: number): void {
    const cpu = readProcCpu(pid);
    if (!cpu?.comm.startsWith('postgres')) {
      this.readable = false;
      return;
    }
    this.first.set(pid, this.fromZero ? 0 : cpu.ownMs);
    this.last.set(pid, cpu.ownMs);
  }

  /** Reads again; a backend that has exited keeps its last reading. */
  sample(): void {
    for (const pid of this.first.keys()) {
      const cpu = readProcCpu(pid);
      if (cpu?.comm.startsWith('postgres')) this.last.set(pid, cpu.ownMs);
    }
  }

  totalMs(): number | null {
    if (!this.readable || this.first.size === 0) return null;
    let sum = 0;
    for (const [pid, start] of this.first) sum += (this.last.get(pid) ?? start) - start;
    return sum;
  }
}
