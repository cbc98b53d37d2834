import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFamily, buildOrganisation, buildStaffUser, buildUnit } from '../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { inScope } from './scope';

describeEachDatabase('row-level security: the second line', (kind) => {
  let env: TestEnv;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgA = (await buildOrganisation(env.database.db)).id;
    orgB = (await buildOrganisation(env.database.db)).id;
    for (const org of [orgA, orgB]) {
      const unit = await buildUnit(env.database.db, org);
      await buildStaffUser(env.database.db, org, { unitIds: [unit.id] });
      await buildFamily(env.database.db, org, { districtUnitId: unit.id });
    }
  });
  afterAll(() => env?.close());

  it('the application runs as a role that is neither superuser nor exempt from row-level security', async () => {
    const role = await inScope(
      env.database.db,
      { kind: 'orgs', orgIds: [orgA] },
      async (tx) =>
        (
          await sql<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>`
          SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`.execute(tx)
        ).rows[0],
    );
    expect(role).toEqual({ rolname: 'familiespor_app', rolsuper: false, rolbypassrls: false });
  });

  it('a query with the organisation filter deliberately left out returns no row of another organisation', async () => {
    const seen = await inScope(env.database.db, { kind: 'orgs', orgIds: [orgA] }, async (tx) => ({
      // Each of these selects *every* row: no WHERE on org_id, as a forgotten filter would.
      families: await tx.selectFrom('family').select('org_id').execute(),
      members: await tx.selectFrom('family_member').select('org_id').execute(),
      persons: await tx.selectFrom('person').select('id').execute(),
      credentials: await tx.selectFrom('staff_credential').select('org_id').execute(),
      audit: await tx.selectFrom('audit_event').select('org_id').execute(),
      parentAccounts: await tx.selectFrom('parent_account').select('person_id').execute(),
    }));
    expect(seen.families.length).toBeGreaterThan(0);
    expect(seen.families.every((r) => r.org_id === orgA)).toBe(true);
    expect(seen.members.length).toBeGreaterThan(0);
    expect(seen.members.every((r) => r.org_id === orgA)).toBe(true);
    expect(seen.credentials.every((r) => r.org_id === orgA)).toBe(true);
    expect(seen.audit.every((r) => r.org_id === orgA || r.org_id === null)).toBe(true);
    expect(seen.parentAccounts).toEqual([]);

    const personsOfB = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('family_member').select('person_id').where('org_id', '=', orgB).execute(),
    );
    const visible = new Set(seen.persons.map((p) => p.id));
    expect(personsOfB.length).toBeGreaterThan(0);
    expect(personsOfB.some((p) => visible.has(p.person_id))).toBe(false);
  });

  it('with no organisation in scope nothing personal is visible', async () => {
    const families = await inScope(env.database.db, { kind: 'orgs', orgIds: [] }, (tx) =>
      tx.selectFrom('family').select('id').execute(),
    );
    expect(families).toEqual([]);
  });

  it('a system-scope transaction stays in system scope after a nested asSystem', async () => {
    const { asSystem } = await import('./scope');
    const rows = await inScope(env.database.db, { kind: 'system' }, async (tx) => {
      await asSystem(tx, () => tx.selectFrom('family').select('id').execute());
      return tx.selectFrom('family').select('org_id').where('org_id', 'in', [orgA, orgB]).execute();
    });
    expect(new Set(rows.map((r) => r.org_id))).toEqual(new Set([orgA, orgB]));
  });

  it('asSystem lifts row-level security only while it runs', async () => {
    const { asSystem } = await import('./scope');
    const seen = await inScope(env.database.db, { kind: 'orgs', orgIds: [orgA] }, async (tx) => {
      const inside = await asSystem(tx, () =>
        tx.selectFrom('family').select('org_id').where('org_id', '=', orgB).execute(),
      );
      const after = await tx.selectFrom('family').select('org_id').where('org_id', '=', orgB).execute();
      return { inside: inside.length, after: after.length };
    });
    expect(seen.inside).toBeGreaterThan(0);
    expect(seen.after).toBe(0);
  });

  it('refuses to write a row into another organisation', async () => {
    await expect(
      inScope(env.database.db, { kind: 'orgs', orgIds: [orgA] }, (tx) =>
        tx.insertInto('family').values({ org_id: orgB }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('an update without the organisation filter touches only the own organisation', async () => {
    const touched = await inScope(env.database.db, { kind: 'orgs', orgIds: [orgA] }, async (tx) => {
      const r = await tx.updateTable('family').set({ updated_at: new Date() }).executeTakeFirst();
      return Number(r.numUpdatedRows);
    });
    const ofA = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('family').select('id').where('org_id', '=', orgA).execute(),
    );
    expect(touched).toBe(ofA.length);
  });
});
