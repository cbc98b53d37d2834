/**
 * Replays the statements of captured HTTP requests in pgbench: one script that picks one of the
 * captured requests at random per transaction (`\set` + `\if`), so a rotation over many
 * families runs the same mix on both sides. Beyond `toPgbenchScript` (statement.replay.ts) it
 * handles what real requests contain:
 *
 * - The audit write. Its chain position comes from `audit_chain_head` (`RETURNING seq,
 *   last_hash`), and the event's (chain_key, chain_seq) is unique, so replaying the captured
 *   sequence number fails on the second run. The replay takes the position the same way the
 *   app does — `\gset` from the RETURNING into the insert's chain_seq and prev_hash — so it
 *   holds the same row lock until COMMIT. The stored hash is the captured one, so the replayed
 *   events do not verify as a chain (`npm run cli -- audit verify` reports them): the database
 *   does the same work, but a benchmark database's audit trail is no evidence of anything.
 *   `audit: 'omit'` leaves the three audit statements out, to show what the write costs.
 * - More than 255 parameters (pgbench's limit per statement, e.g. `IN` over a 300-family
 *   caseload): that statement's values are written into it as quoted literals. node-postgres
 *   sends parameters untyped, and an untyped literal is typed from its context the same way;
 *   with unnamed statements the planner sees the values in both cases.
 * - NULL parameters: written as NULL (pgbench variables cannot be NULL).
 */
import type { CapturedQuery } from './statement.replay';

/** pgbench's MAX_ARGS is 256, the statement itself being one of them. */
const maxPgbenchParameters = 255;

export type AuditReplay = 'replay' | 'omit';

export type ReplayScript = {
  /** The whole pgbench script (meta-commands included). */
  script: string;
  /** Values for `--define`; equal values share one variable. */
  variables: Record<string, string>;
  /** Per captured request: statements in the script (after leaving out audit ones, if asked). */
  statementsPerRequest: number[];
  /** Statements whose parameters were written in as literals (more than pgbench's limit). */
  inlinedStatements: number;
  /** NULL parameters written as NULL. */
  nullParameters: number;
  /** Audit writes replayed with their chain position taken from the chain head. */
  auditWrites: number;
};

const chainHeadPattern = /^\s*insert into "audit_chain_head"[\s\S]*returning "seq", "last_hash"\s*$/i;
const auditInsertPattern = /insert into "audit_event" \(([^)]*)\) values \(([^)]*)\)/i;
const chainHeadUpdatePattern = /^\s*update "audit_chain_head" set "last_hash"/i;

/** What node-postgres would send for the value, as text. */
function asText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    // node-postgres sends arrays as array literals.
    return `{${value
      .map((v) => (v === null ? 'NULL' : `"${asText(v, where).replace(/[\\"]/g, (c) => `\\${c}`)}"`))
      .join(',')}}`;
  }
  if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) return JSON.stringify(value);
  throw new Error(`cannot replay ${where} in pgbench: parameter ${String(value)}`);
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The placeholders of an INSERT's column list, by column name. */
function auditColumns(sql: string): Map<string, number> | null {
  const match = auditInsertPattern.exec(sql);
  if (!match?.[1] || !match[2]) return null;
  const columns = match[1].split(',').map((c) => c.trim().replace(/"/g, ''));
  const values = match[2].split(',').map((v) => v.trim());
  if (columns.length !== values.length) return null;
  const out = new Map<string, number>();
  columns.forEach((column, i) => {
    const placeholder = /^\$(\d+)$/.exec(values[i] ?? '');
    if (placeholder?.[1]) out.set(column, Number(placeholder[1]));
  });
  return out;
}

export function isAuditStatement(sql: string): boolean {
  return chainHeadPattern.test(sql) || auditInsertPattern.test(sql) || chainHeadUpdatePattern.test(sql);
}

/**
 * One pgbench script for a list of captured requests. With more than one, each transaction
 * runs one of them, chosen uniformly at random.
 */
export function buildReplayScript(
  requests: readonly (readonly CapturedQuery[])[],
  options: { audit: AuditReplay },
): ReplayScript {
  const variables: Record<string, string> = {};
  const byValue = new Map<string, string>();
  const variableFor = (text: string) => {
    let name = byValue.get(text);
    if (!name) {
      name = `v${byValue.size + 1}`;
      byValue.set(text, name);
      variables[name] = text;
    }
    return `:${name}`;
  };
  let inlinedStatements = 0;
  let nullParameters = 0;
  let auditWrites = 0;

  const statementLines = (queries: readonly CapturedQuery[], r: number): string[] => {
    const lines: string[] = [];
    let chainTaken = false;
    queries.forEach((query, i) => {
      const where = `request ${r + 1}, statement ${i + 1} (${query.sql.slice(0, 60)}…)`;
      const sql = query.sql.replace(/\s+/g, ' ').trim();
      if (sql.includes(';')) throw new Error(`cannot replay ${where}: it contains a semicolon`);
      if (sql.startsWith('\\')) throw new Error(`cannot replay ${where}: it starts with a backslash`);
      const audit = isAuditStatement(sql);
      if (audit && options.audit === 'omit') return;
      const fromChain = new Map<number, string>();
      const chainHead = chainHeadPattern.test(sql);
      if (auditInsertPattern.test(sql)) {
        const columns = auditColumns(sql);
        const seq = columns?.get('chain_seq');
        const prev = columns?.get('prev_hash');
        if (!chainTaken || seq === undefined || prev === undefined) {
          throw new Error(`cannot replay ${where}: no chain position before it, or no chain_seq/prev_hash`);
        }
        fromChain.set(seq, ':audit_seq');
        fromChain.set(prev, ':audit_last_hash');
        chainTaken = false;
        auditWrites++;
      }
      const inline = query.parameters.length > maxPgbenchParameters;
      if (inline) inlinedStatements++;
      const used = new Set<number>();
      const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
        const index = Number(n);
        if (index < 1 || index > query.parameters.length) throw new Error(`${where} has no parameter $${n}`);
        used.add(index);
        const chained = fromChain.get(index);
        if (chained) return chained;
        const value = query.parameters[index - 1];
        if (value === null || value === undefined) {
          nullParameters++;
          return 'NULL';
        }
        const textValue = asText(value, where);
        return inline ? literal(textValue) : variableFor(textValue);
      });
      if (used.size !== query.parameters.length) throw new Error(`${where} does not use all its parameters`);
      if (chainHead) {
        // The statement ends at \gset: seq and last_hash become :audit_seq and :audit_last_hash.
        lines.push(`${text} \\gset audit_`);
        chainTaken = true;
      } else {
        lines.push(`${text};`);
      }
    });
    if (chainTaken)
      throw new Error(`request ${r + 1}: a chain position was taken but no audit event written`);
    return lines;
  };

  const bodies = requests.map((queries, r) => statementLines(queries, r));
  const script =
    bodies.length === 1
      ? `${(bodies[0] ?? []).join('\n')}\n`
      : [
          `\\set pick random(1, ${bodies.length})`,
          ...bodies.flatMap((lines, r) => [`\\${r === 0 ? 'if' : 'elif'} :pick = ${r + 1}`, ...lines]),
          '\\endif',
          '',
        ].join('\n');
  return {
    script,
    variables,
    statementsPerRequest: bodies.map((b) => b.length),
    inlinedStatements,
    nullParameters,
    auditWrites,
  };
}
