import { execFile } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { pgbenchVersion } from './pgbench.runner';

const run = promisify(execFile);

export type Machine = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  pgbench: string;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverage: number;
};

/** `databaseUrl` null: a scenario without a database (PostgreSQL and pgbench are not asked). */
export async function describeMachine(databaseUrl: string | null): Promise<Machine> {
  const postgres = databaseUrl
    ? (
        await run('psql', [
          '--no-psqlrc',
          '-At',
          `--dbname=${databaseUrl}`,
          '--command',
          'SHOW server_version',
        ])
      ).stdout.trim()
    : 'not used';
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    pgbench: databaseUrl ? await pgbenchVersion() : 'not used',
    loadAverage: loadavg()[0] ?? 0,
  };
}

export function machineLine(m: Machine): string {
  return (
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; PostgreSQL ${m.postgres}; ` +
    `pgbench ${m.pgbench}; load average ${m.loadAverage.toFixed(2)} at start`
  );
}
