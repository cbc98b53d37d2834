import { readFile, writeFile } from 'node:fs/promises';
import { type Machine, machineLine } from './machine.info';
import type { BenchOptions, Measurement, ScenarioResult } from './scenario.types';

const fixed = (n: number, digits: number) => n.toFixed(digits);
const whole = (n: number) => Math.round(n).toLocaleString('en-US');

function cells(m: Measurement): string[] {
  return [
    m.label,
    String(m.connections),
    `${fixed(m.durationSeconds, 1)} s`,
    whole(m.perSecond),
    fixed(m.latency.p50Ms, 2),
    fixed(m.latency.p95Ms, 2),
  ];
}

const headers = ['Measurement', 'Concurrency', 'Duration', 'Requests/s', 'p50 ms', 'p95 ms'];

function optionsLine(o: BenchOptions): string {
  return (
    `connections ${o.connections}, duration ${o.durationSeconds} s, warm-up ${o.warmupSeconds} s, ` +
    `app pool ${o.poolSize}, pgbench --jobs=${o.pgbenchThreads}, session lookup --protocol=${o.pgbenchMode}`
  );
}

/** The scenario's own table when it has one, else the measurements'. */
function tableRows(result: ScenarioResult): string[][] {
  return result.table
    ? [result.table.headers, ...result.table.rows]
    : [headers, ...result.measurements.map(cells)];
}

/** The result as the terminal shows it. */
export function formatText(
  name: string,
  result: ScenarioResult,
  options: BenchOptions,
  machine: Machine,
): string {
  const rows = tableRows(result);
  const widths = (rows[0] ?? headers).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [
    `Scenario ${name}: ${result.title}`,
    `Machine: ${machineLine(machine)}`,
    `Options: ${result.optionsLine ?? optionsLine(options)}`,
    '',
    line(rows[0] ?? headers),
    ...rows.slice(1).map(line),
    '',
    ...result.comparisons.map((c) => `Ratio — ${c}`),
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

/** A table laid out as Biome formats Markdown: padded cells, first column left, others right. */
function markdownTable(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(3, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (c: string, i: number) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0));
  const line = (r: string[]) => `| ${r.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)];
}

const startMarker = (name: string) => `<!-- bench:${name}:start -->`;
const endMarker = (name: string) => `<!-- bench:${name}:end -->`;

/** The scenario's section of RESULTS.md, between markers so a later --record replaces it. */
export function formatMarkdown(
  name: string,
  result: ScenarioResult,
  options: BenchOptions,
  machine: Machine,
  command: string,
  at: Date,
): string {
  return [
    startMarker(name),
    `## \`${name}\` — ${result.title}`,
    '',
    `Recorded ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${command}\`.`,
    '',
    `- Machine: ${machineLine(machine)}.`,
    `- Options: ${result.optionsLine ?? optionsLine(options)}.`,
    '',
    ...markdownTable(tableRows(result)),
    '',
    ...result.comparisons.map((c) => `- Ratio — ${c}.`),
    ...result.notes.map((n) => `- ${n}`),
    endMarker(name),
  ].join('\n');
}

const preamble = `# Benchmark results

Figures recorded by \`npm run bench -- <scenario> --record\` (see \`bench/README.md\`). Each
scenario's section is replaced when it is recorded again; the others stay.
`;

/** Replaces the scenario's section in the results file, or appends it; other sections stay. */
export async function recordSection(path: string, name: string, section: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return preamble;
    throw error;
  });
  const start = current.indexOf(startMarker(name));
  const end = current.indexOf(endMarker(name));
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${section}${current.slice(end + endMarker(name).length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(path, next);
}
