/** A statement as the app sent it, seen through the database's onQuery hook. */
export type CapturedQuery = { sql: string; parameters: readonly unknown[] };

export type PgbenchScript = { statements: string[]; variables: Record<string, string> };

function asText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  // pgbench variables are text; NULL, arrays and JSON would need a different replay.
  throw new Error(`cannot replay ${where} in pgbench: parameter ${JSON.stringify(value)}`);
}

/**
 * Turns statements into a pgbench script: `$n` placeholders become pgbench variables
 * (`:q<statement>_<n>`), which pgbench sends as parameters again in extended or prepared
 * mode, so the server sees the same statements with the same values.
 */
export function toPgbenchScript(queries: readonly CapturedQuery[]): PgbenchScript {
  const variables: Record<string, string> = {};
  const statements = queries.map((query, i) => {
    const where = `statement ${i + 1} (${query.sql.slice(0, 60)}…)`;
    if (query.sql.includes(';')) throw new Error(`cannot replay ${where}: it contains a semicolon`);
    const used = new Set<number>();
    const text = query.sql.replace(/\$(\d+)/g, (_, n: string) => {
      const index = Number(n);
      if (index < 1 || index > query.parameters.length) throw new Error(`${where} has no parameter $${n}`);
      used.add(index);
      const name = `q${i + 1}_${index}`;
      variables[name] = asText(query.parameters[index - 1], where);
      return `:${name}`;
    });
    if (used.size !== query.parameters.length) throw new Error(`${where} does not use all its parameters`);
    return text;
  });
  return { statements, variables };
}
