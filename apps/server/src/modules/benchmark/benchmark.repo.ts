import { sql } from 'kysely';
import type { Tx } from '../../db/scope';

export async function organisationKind(tx: Tx, orgId: string) {
  const row = await tx.selectFrom('organisation').select('kind').where('id', '=', orgId).executeTakeFirst();
  return row?.kind ?? null;
}

/** One municipality's indicators shared now, with the month each is shared from. */
export async function activeShares(tx: Tx, orgId: string) {
  return tx
    .selectFrom('benchmark_share')
    .select(['indicator', sql<string>`to_char(shared_from, 'YYYY-MM')`.as('shared_from'), 'started_at'])
    .where('org_id', '=', orgId)
    .where('stopped_at', 'is', null)
    .orderBy('indicator')
    .execute();
}

/** Ends the municipality's sharing of the indicator (if it shares it); the row is kept as history. */
export async function stopSharing(tx: Tx, orgId: string, indicator: string, by: string, at: Date) {
  const r = await tx
    .updateTable('benchmark_share')
    .set({ stopped_by: by, stopped_at: at })
    .where('org_id', '=', orgId)
    .where('indicator', '=', indicator)
    .where('stopped_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function startSharing(
  tx: Tx,
  orgId: string,
  indicator: string,
  fromMonth: string,
  by: string,
  at: Date,
) {
  await tx
    .insertInto('benchmark_share')
    .values({ org_id: orgId, indicator, shared_from: `${fromMonth}-01`, started_by: by, started_at: at })
    .execute();
}

/**
 * The municipalities that share the indicator now, and the viewer's own municipality (whose own
 * figures it may always compare), with names and the month sharing started.
 */
export async function benchmarkMembers(tx: Tx, indicator: string, ownOrgId: string) {
  return tx
    .selectFrom('organisation as o')
    .leftJoin('benchmark_share as s', (j) =>
      j.onRef('s.org_id', '=', 'o.id').on('s.indicator', '=', indicator).on('s.stopped_at', 'is', null),
    )
    .select(['o.id', 'o.name', sql<string | null>`to_char(s.shared_from, 'YYYY-MM')`.as('shared_from')])
    .where('o.kind', '=', 'municipality')
    .where((eb) => eb.or([eb('s.id', 'is not', null), eb('o.id', '=', ownOrgId)]))
    .orderBy('o.name')
    .execute();
}
