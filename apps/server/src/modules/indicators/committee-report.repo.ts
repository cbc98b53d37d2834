import type { Tx } from '../../db/scope';

/** The organisation's name, for the report's heading. */
export async function organisationName(tx: Tx, orgId: string): Promise<string> {
  const row = await tx
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.name;
}
