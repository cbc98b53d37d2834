import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  countSettingRows,
  dayOnClock,
  deniedEventsOf,
  freeCpr,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { taskWithHistory } from '../../../test/health-visiting';
import { expectProblem, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

const header = 'mother_cpr,child_cpr,birth_time,discharge_time,birthplace';

describeEachDatabase('importBirthNotifications: birth notifications in batches', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const system = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
    inScope(env.database.db, { kind: 'system' }, fn);
  const yesterday = () => dayOnClock(env, -1);
  const importFile = (session: Session, format: 'csv' | 'json', content: string) =>
    session.request('POST', '/api/birth-notifications', { format, content, filename: 'foedsler.csv' });
  const counts = () => countSettingRows(env.database.db, s);
  const pregnancyVisitTask = (familyId: string) =>
    taskWithHistory(env.database.db, familyId, 'plan_pregnancy_visit');

  /** Expecting families and a notification line for each: mother CPR, a free child CPR, born yesterday. */
  const notifications = async (n: number) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const f = await registerFamily(env, s, { dueInDays: 7 + i });
      const childCpr = await freeCpr(env.database.db, yesterday(), i % 2 ? 'male' : 'female');
      out.push({ ...f, childCpr, motherCpr: f.body.mother.cpr as string });
    }
    return out;
  };
  const csvLine = (x: { motherCpr: string; childCpr: string }, time = `${yesterday()} 14:32`) =>
    `${x.motherCpr},${x.childCpr},${time},,OUH Odense`;
  const stateOf = (familyId: string, pregnancyId: string) =>
    system(async (tx) => ({
      children: await tx
        .selectFrom('family_member')
        .select('person_id')
        .where('family_id', '=', familyId)
        .where('role', '=', 'child')
        .execute(),
      births: await tx.selectFrom('birth').selectAll().where('family_id', '=', familyId).execute(),
      pregnancy: await tx
        .selectFrom('pregnancy')
        .select('status')
        .where('id', '=', pregnancyId)
        .executeTakeFirstOrThrow(),
      openInvolvements: await tx
        .selectFrom('involvement')
        .select(['kind', 'org_id'])
        .where('family_id', '=', familyId)
        .where('ended_at', 'is', null)
        .execute(),
    }));

  describe('CSV and JSON', () => {
    it('imports a CSV file; importing it again creates nothing (unchanged N, no new rows)', async () => {
      const rows = await notifications(3);
      const content = [header, ...rows.map((r) => csvLine(r))].join('\r\n');
      const first = await importFile(s.sessions.healthVisitor, 'csv', content);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ rows: 3, created: 3, unchanged: 0, failed: 0, errors: [] });
      for (const r of rows) {
        const state = await stateOf(r.familyId, r.pregnancyId);
        expect(state.children).toHaveLength(1);
        expect(state.births[0]).toMatchObject({ source: 'import', birthplace: 'OUH Odense' });
        expect(state.pregnancy.status).toBe('born');
        expect(state.openInvolvements).toEqual([{ kind: 'statutory', org_id: s.municipality.id }]);
      }
      const audit = (await auditOfRequest(env.database.db, first)).find(
        (e) => e.entity_type === 'birth_import',
      );
      expect(audit).toMatchObject({ action: 'execute', actor_id: s.users.healthVisitor.id });
      expect(audit?.detail).toMatchObject({ rows: 3, created: 3, unchanged: 0, failed: 0 });
      expect(JSON.stringify(audit?.detail)).not.toContain(rows[0]?.motherCpr);

      const before = await counts();
      const again = await importFile(s.sessions.healthVisitor, 'csv', content);
      expect(again.json()).toEqual({ rows: 3, created: 0, unchanged: 3, failed: 0, errors: [] });
      expect(await counts()).toEqual(before);
    });

    it('an imported birth cancels the pregnancy visit still to be planned, saying the child is born', async () => {
      const [row] = await notifications(1);
      if (!row) throw new Error('no notification');
      expect((await pregnancyVisitTask(row.familyId)).state).toBe('ready');
      const res = await importFile(s.sessions.midwife, 'csv', [header, csvLine(row)].join('\r\n'));
      expect(res.json()).toMatchObject({ created: 1, failed: 0 });
      const task = await pregnancyVisitTask(row.familyId);
      expect(task.state).toBe('cancelled');
      expect(task.history.at(-1)).toMatchObject({ state: 'cancelled', by_user: s.users.midwife.id });
      expect(task.history.at(-1)?.note).toMatch(/^Barnet er født/);
    });

    it('imports JSON from the birthplace’s midwife; a re-sent file changes nothing', async () => {
      const rows = await notifications(2);
      const content = JSON.stringify(
        rows.map((r) => ({
          motherCpr: `${r.motherCpr.slice(0, 6)}-${r.motherCpr.slice(6)}`,
          childCpr: r.childCpr,
          birthTime: `${yesterday()}T08:15:00+01:00`,
          dischargeTime: null,
        })),
      );
      const first = await importFile(s.sessions.midwife, 'json', content);
      expect(first.json()).toEqual({ rows: 2, created: 2, unchanged: 0, failed: 0, errors: [] });
      const births = await system((tx) =>
        tx
          .selectFrom('birth')
          .select(['org_id', 'source'])
          .where(
            'family_id',
            'in',
            rows.map((r) => r.familyId),
          )
          .execute(),
      );
      expect(births).toEqual([
        { org_id: s.region.id, source: 'import' },
        { org_id: s.region.id, source: 'import' },
      ]);
      const before = await counts();
      const again = await importFile(s.sessions.midwife, 'json', content);
      expect(again.json()).toEqual({ rows: 2, created: 0, unchanged: 2, failed: 0, errors: [] });
      expect(await counts()).toEqual(before);
    });

    it('reports each bad CSV line with its line number (the header is line 1) and imports the rest', async () => {
      const [good, mismatch, early] = await notifications(3);
      if (!good || !mismatch || !early) throw new Error('no notifications');
      const noPregnancy = await freeCpr(env.database.db, '1990-04-02', 'female');
      const content = [
        header,
        csvLine(good), // 2
        `12345,${await freeCpr(env.database.db, yesterday(), 'male')},${yesterday()} 10:00,,`, // 3
        '', // 4: blank lines are skipped but keep the numbering
        csvLine({ motherCpr: noPregnancy, childCpr: await freeCpr(env.database.db, yesterday(), 'male') }), // 5
        csvLine({ ...mismatch, childCpr: await freeCpr(env.database.db, dayOnClock(env, -5), 'male') }), // 6
        `${mismatch.motherCpr},${mismatch.childCpr},,,`, // 7
        csvLine(early, `${dayOnClock(env, 7 + 2 - 281)} 12:00`), // 8: before the pregnancy began
      ].join('\n');
      const before = await counts();
      const res = await importFile(s.sessions.healthVisitor, 'csv', content);
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json();
      expect(result).toMatchObject({ rows: 6, created: 1, unchanged: 0, failed: 5 });
      expect(result.errors.map((e: { line: number; field: string | null }) => [e.line, e.field])).toEqual([
        [3, 'mother_cpr'],
        [5, 'mother_cpr'],
        [6, 'child_cpr'],
        [7, 'birth_time'],
        [8, 'birth_time'],
      ]);
      for (const e of result.errors) expect(e.reason).toEqual(expect.any(String));
      expect(result.errors[0].reason).toMatch(/CPR/);
      expect(result.errors[3].reason).toBe('missing');
      const after = await counts();
      expect(after.births - before.births).toBe(1);
      expect((await stateOf(mismatch.familyId, mismatch.pregnancyId)).births).toEqual([]);
      expect((await stateOf(early.familyId, early.pregnancyId)).pregnancy.status).toBe('active');
    });

    it('reports each bad JSON entry by its number, counting from 1', async () => {
      const [good, other] = await notifications(2);
      if (!good || !other) throw new Error('no notifications');
      const time = `${yesterday()}T09:00:00+01:00`;
      const content = JSON.stringify([
        { motherCpr: good.motherCpr, childCpr: good.childCpr, birthTime: time },
        { motherCpr: other.motherCpr, childCpr: other.childCpr, birthTime: time, weight: '3400' },
        { motherCpr: other.motherCpr, childCpr: other.childCpr, birthTime: 20261122 },
        'not an object',
        { motherCpr: other.motherCpr, childCpr: '999999-9999', birthTime: time },
      ]);
      const res = await importFile(s.sessions.healthVisitor, 'json', content);
      const result = res.json();
      expect(result).toMatchObject({ rows: 5, created: 1, failed: 4 });
      expect(result.errors).toEqual([
        { line: 2, field: 'weight', code: 'unknown_field', reason: 'unknown field' },
        { line: 3, field: 'birthTime', code: 'not_a_string', reason: 'must be a string' },
        { line: 4, field: null, code: 'not_an_object', reason: 'expected an object' },
        { line: 5, field: 'child_cpr', code: 'invalid_cpr', reason: expect.stringMatching(/CPR/) },
      ]);
      expect((await stateOf(other.familyId, other.pregnancyId)).births).toEqual([]);
    });

    it('a file that is not JSON, or a CSV without the needed columns, is reported and writes nothing', async () => {
      const before = await counts();
      const json = await importFile(s.sessions.healthVisitor, 'json', '{"motherCpr": ');
      expect(json.json()).toMatchObject({ created: 0, failed: 1, errors: [{ line: 0, field: null }] });
      const csv = await importFile(s.sessions.healthVisitor, 'csv', 'mor;barn\n0101901234;0101261234');
      expect(csv.json()).toMatchObject({
        created: 0,
        errors: [{ line: 1, code: 'missing_columns', reason: expect.stringMatching(/header/) }],
      });
      expect(await counts()).toEqual(before);
    });
  });

  describe('a failure in the middle of one notification', () => {
    /**
     * Runs `fn` while inserting the statutory involvement of one family fails with `fault` (PL/pgSQL).
     * The statutory involvement is the last write of a birth: the child, the membership, the birth
     * row and the pregnancy's end are written by then.
     */
    const withFault = async (familyId: string, fault: string, fn: () => Promise<void>) => {
      const name = `fs_test_fail_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await env.database.withOwnerClient((client) =>
        client.query(`
          CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
          BEGIN
            IF NEW.family_id = '${familyId}' AND NEW.kind = 'statutory' THEN ${fault}; END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER ${name} BEFORE INSERT ON involvement FOR EACH ROW EXECUTE FUNCTION ${name}();`),
      );
      try {
        await fn();
      } finally {
        await env.database.withOwnerClient((client) =>
          client.query(`DROP TRIGGER ${name} ON involvement; DROP FUNCTION ${name}();`),
        );
      }
    };

    const importAcrossFault = async (fault: string) => {
      const [a, b, c] = await notifications(3);
      if (!a || !b || !c) throw new Error('no notifications');
      const content = [header, csvLine(a), csvLine(b), csvLine(c)].join('\n');
      await withFault(b.familyId, fault, async () => {
        const res = await importFile(s.sessions.healthVisitor, 'csv', content);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({
          rows: 3,
          created: 2,
          unchanged: 0,
          failed: 1,
          errors: [
            {
              line: 3,
              field: null,
              code: 'not_saved',
              reason: expect.stringMatching(/nothing from this line was written/),
            },
          ],
        });
        expect(res.body).not.toMatch(/injected|terminat/);
      });
      for (const ok of [a, c]) {
        const state = await stateOf(ok.familyId, ok.pregnancyId);
        expect(state.children).toHaveLength(1);
        expect(state.births).toHaveLength(1);
        expect(state.pregnancy.status).toBe('born');
      }
      const failed = await stateOf(b.familyId, b.pregnancyId);
      expect(failed.children).toEqual([]);
      expect(failed.births).toEqual([]);
      expect(failed.pregnancy.status).toBe('active');
      expect(failed.openInvolvements).toEqual([{ kind: 'pregnancy_care', org_id: s.region.id }]);
      const orphan = await system((tx) =>
        tx.selectFrom('person').select('id').where('cpr', '=', b.childCpr).execute(),
      );
      expect(orphan).toEqual([]);
      const birthAudit = await system((tx) =>
        tx
          .selectFrom('audit_event')
          .select('id')
          .where('family_id', '=', b.familyId)
          .where('entity_type', '=', 'birth')
          .execute(),
      );
      expect(birthAudit).toEqual([]);

      // Once the fault is gone, the same file completes the missing birth and leaves the rest.
      const retry = await importFile(s.sessions.healthVisitor, 'csv', content);
      expect(retry.json()).toMatchObject({ created: 1, unchanged: 2, failed: 0 });
    };

    it('a database error rolls back that notification only; the others are committed', async () => {
      await importAcrossFault(`RAISE EXCEPTION 'injected failure for the test'`);
    });

    // A crash of the database connection mid-notification (the server process serving it is
    // terminated, as in a failover). PGlite is in-process: there is no connection to lose.
    it.skipIf(kind !== 'postgres')(
      'a connection that dies mid-notification loses that notification only, and the app lives on',
      async () => {
        // In a server an uncaught exception ends the process: every request in flight is lost.
        const uncaught: Error[] = [];
        const record = (error: Error) => uncaught.push(error);
        process.on('uncaughtException', record);
        try {
          await importAcrossFault('PERFORM pg_terminate_backend(pg_backend_pid())');
          // The dropped socket's 'end' arrives on a later turn of the event loop.
          await new Promise((resolve) => setTimeout(resolve, 100));
        } finally {
          process.off('uncaughtException', record);
        }
        expect((await s.sessions.healthVisitor.request('GET', '/api/my/families')).statusCode).toBe(200);
        expect(uncaught.map((e) => e.message)).toEqual([]);
      },
    );
  });

  describe('forbidden and bad input', () => {
    it('a daycare educator may not import: 403 and a denied audit event; nothing written', async () => {
      const [x] = await notifications(1);
      if (!x) throw new Error('no notification');
      const before = await counts();
      const denied = (await deniedEventsOf(env.database.db, s.users.daycare.id)).length;
      const res = await importFile(s.sessions.daycare, 'csv', [header, csvLine(x)].join('\n'));
      expectProblem(res, 403, 'forbidden');
      const events = await deniedEventsOf(env.database.db, s.users.daycare.id);
      expect(events).toHaveLength(denied + 1);
      expect(events.at(-1)).toMatchObject({ entity_type: 'birth_import' });
      expect(await counts()).toEqual(before);
    });

    it('a line for a family the importer may not work with fails as “no access”, audited as denied', async () => {
      const [x] = await notifications(1);
      if (!x) throw new Error('no notification');
      const before = await counts();
      const denied = (await deniedEventsOf(env.database.db, s.users.otherHealthVisitor.id)).length;
      const res = await importFile(s.sessions.otherHealthVisitor, 'csv', [header, csvLine(x)].join('\n'));
      expect(res.json()).toEqual({
        rows: 1,
        created: 0,
        unchanged: 0,
        failed: 1,
        errors: [{ line: 2, field: null, code: 'no_access', reason: 'no access to this family' }],
      });
      const events = await deniedEventsOf(env.database.db, s.users.otherHealthVisitor.id);
      expect(events).toHaveLength(denied + 1);
      expect(events.at(-1)).toMatchObject({ entity_type: 'birth', family_id: x.familyId });
      expect(await counts()).toEqual(before);
    });

    const bad: [string, Record<string, unknown>, string][] = [
      ['an unknown format', { format: 'xml', content: '<births/>' }, 'format'],
      ['empty content', { format: 'csv', content: '' }, 'content'],
      ['an unknown field', { format: 'csv', content: header, source: 'OUH' }, 'source'],
    ];
    for (const [what, body, path] of bad) {
      it(`${what} → 400 ${path}`, async () => {
        const res = await s.sessions.healthVisitor.request('POST', '/api/birth-notifications', body);
        expect(expectProblem(res, 400, 'validation').errors.map((e) => e.path)).toContain(path);
      });
    }
  });
});
