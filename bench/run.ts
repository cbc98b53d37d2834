/**
 * `npm run bench -- <scenario> [options]`: runs one benchmark scenario on PostgreSQL and
 * prints its table; `--record` also writes it into bench/RESULTS.md. With no scenario it
 * lists them.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDatabase } from './lib/database.setup';
import { describeMachine } from './lib/machine.info';
import type { PgbenchMode } from './lib/pgbench.runner';
import { formatMarkdown, formatText, recordSection } from './lib/results.report';
import type { BenchOptions, Scenario } from './lib/scenario.types';
import { indicatorsScenario } from './scenarios/indicators.scenario';
import { meScenario } from './scenarios/me.scenario';
import { plannerScenario } from './scenarios/planner.scenario';
import { tasksScenario } from './scenarios/tasks.scenario';
import { timelineScenario } from './scenarios/timeline.scenario';

/** Every scenario, by the name given on the command line. */
const scenarios: Record<string, Scenario> = {
  [meScenario.name]: meScenario,
  [plannerScenario.name]: plannerScenario,
  [timelineScenario.name]: timelineScenario,
  [tasksScenario.name]: tasksScenario,
  [indicatorsScenario.name]: indicatorsScenario,
};

const resultsPath = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const usage = `Usage: npm run bench -- <scenario> [options]

Scenarios:
${Object.values(scenarios)
  .map((s) => `  ${s.name.padEnd(10)} ${s.summary}`)
  .join('\n')}

Options:
  --connections <n>      concurrent connections for HTTP and pgbench (default 10)
  --duration <s>         seconds of each measured run (default 10)
  --warmup <s>           seconds of HTTP load before the measured run (default 3)
  --pool <n>             the app's PostgreSQL pool size (default 10)
  --pgbench-threads <n>  pgbench --jobs (default: cores, at most the connections)
  --pgbench-mode <m>     pgbench --protocol of the session-lookup row: prepared (default) or extended
  --children <n>         tasks, indicators: children in its data set (default 400000; tasks extends its database, indicators makes one size)
  --record               write the result into bench/RESULTS.md

Database: BENCH_DATABASE_URL if set (kept as it is); otherwise a new database
familiespor_bench_<timestamp> on BENCH_ADMIN_DATABASE_URL
(default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a whole number of at least 1, not "${value}"`);
  return n;
}

function readOptions(values: Record<string, string | boolean | undefined>): BenchOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const connections = positiveInt('connections', str('connections'), 10);
  const mode = str('pgbench-mode') ?? 'prepared';
  if (mode !== 'prepared' && mode !== 'extended') {
    throw new Error(`--pgbench-mode must be prepared or extended, not "${mode}"`);
  }
  const warmup = str('warmup');
  const children = str('children');
  return {
    connections,
    durationSeconds: positiveInt('duration', str('duration'), 10),
    // 0 is allowed here: no warm-up.
    warmupSeconds: warmup === '0' ? 0 : positiveInt('warmup', warmup, 3),
    poolSize: positiveInt('pool', str('pool'), 10),
    pgbenchThreads: Math.min(
      connections,
      positiveInt('pgbench-threads', str('pgbench-threads'), availableParallelism()),
    ),
    pgbenchMode: mode as PgbenchMode,
    ...(children === undefined ? {} : { children: positiveInt('children', children, 1) }),
  };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      connections: { type: 'string', short: 'c' },
      duration: { type: 'string', short: 'd' },
      warmup: { type: 'string' },
      pool: { type: 'string' },
      'pgbench-threads': { type: 'string' },
      'pgbench-mode': { type: 'string' },
      children: { type: 'string' },
      record: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const name = positionals[0];
  if (!name || values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const scenario = scenarios[name];
  if (!scenario || positionals.length > 1) {
    process.stderr.write(`Unknown scenario "${positionals.join(' ')}".\n\n${usage}`);
    return 1;
  }
  const options = readOptions(values);
  const log = (message: string) => process.stderr.write(`[bench ${name}] ${message}\n`);

  const needs = scenario.database ?? 'fresh';
  const database =
    needs === 'none'
      ? { url: '', created: false, kept: false, drop: async () => undefined }
      : await benchDatabase(
          process.env,
          new Date(),
          needs === 'kept' ? `familiespor_bench_${name}` : undefined,
        );
  const dropOnSignal = () => {
    log(database.kept ? 'interrupted; the database is kept' : 'interrupted; dropping the benchmark database');
    database.drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', dropOnSignal);
  process.once('SIGTERM', dropOnSignal);
  try {
    if (database.url) {
      const dbName = new URL(database.url).pathname.slice(1);
      log(
        database.kept
          ? `${database.created ? 'created' : 'reusing'} ${dbName} (kept for the next run)`
          : database.created
            ? `created ${dbName}`
            : 'using BENCH_DATABASE_URL',
      );
    }
    const machine = await describeMachine(database.url || null);
    const at = new Date();
    const result = await scenario.run({ databaseUrl: database.url, options, log });
    process.stdout.write(`\n${formatText(name, result, options, machine)}`);
    if (values.record) {
      const command = `npm run bench -- ${argv.filter((a) => a !== '--record').join(' ')}`;
      await recordSection(resultsPath, name, formatMarkdown(name, result, options, machine, command, at));
      log(`recorded in ${resultsPath}`);
    }
    return 0;
  } finally {
    await database.drop();
    if (database.created && !database.kept) log('dropped the benchmark database');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
