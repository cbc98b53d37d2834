import type { ConcernInbox, ConcernReport, SentConcernReport } from '@familiespor/contracts';
import { copenhagenDate } from '@familiespor/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  deniedEventsOf,
  loginAsParent,
  registerFamily,
} from '../../../test/care-setting';
import { buildOrganisation, buildStaffUser, buildUnit, unique } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { familyWithNewborn } from '../../../test/health-visiting';
import { expectProblem, login, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

const worry = 'Barnet virker utrygt og har blå mærker på armene';
const observations = 'Set ved aflevering mandag og tirsdag; barnet trak sig fra far';

describeEachDatabase('concern reports: sending, the caseworkers’ inbox, the sender’s narrow view', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let bof: { id: string; name: string };
  let caseworker: Session;
  let caseworkerId: string;
  let otherCaseworker: Session;
  let otherMunicipality: { id: string };
  let analyst: Session;

  beforeAll(async () => {
    env = await startTestApp(kind);
    const db = env.database.db;
    s = await buildCareSetting(env.app, db);
    bof = await buildUnit(db, s.municipality.id, {
      kind: 'department',
      name: unique('Børn og Familie'),
      service: 'social_services',
    });
    const cw = await buildStaffUser(db, s.municipality.id, { roles: ['caseworker'], unitIds: [bof.id] });
    caseworkerId = cw.id;
    caseworker = await login(env.app, cw.email, cw.password);
    otherMunicipality = await buildOrganisation(db, { kind: 'municipality' });
    const otherCw = await buildStaffUser(db, otherMunicipality.id, { roles: ['caseworker'] });
    otherCaseworker = await login(env.app, otherCw.email, otherCw.password);
    const an = await buildStaffUser(db, s.municipality.id, { roles: ['analyst'] });
    analyst = await login(env.app, an.email, an.password);
  });
  afterAll(() => env?.close());

  const db = () => env.database.db;
  const body = (subject: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...subject,
    worry,
    observations,
    parentsInformed: 'no',
    urgency: 'normal',
    senderContact: { phone: '+45 20 30 40 50' },
    ...extra,
  });
  const send = (session: Session, b: unknown) => session.request('POST', '/api/concern-reports', b);
  const inbox = async (session = caseworker, status = 'open') => {
    const res = await session.request('GET', `/api/concern-reports?status=${status}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ConcernInbox;
  };
  const countReports = () =>
    inScope(db(), { kind: 'system' }, async (tx) =>
      Number(
        (
          await tx
            .selectFrom('concern_report')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', 'in', [s.municipality.id, otherMunicipality.id])
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  const lastDenied = async (actorId: string) => (await deniedEventsOf(db(), actorId)).at(-1);

  describe('createConcernReport', () => {
    it('a health visitor reports a child; it goes to Børn og Familie with both deadlines', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 20 });
      const res = await send(
        s.sessions.healthVisitor,
        body({ familyId: f.familyId, childPersonId: f.childId }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const sent = res.json() as SentConcernReport;
      expect(sent).toEqual({
        id: expect.any(String),
        sentAt: env.clock.now().toISOString(),
        recipient: {
          organisation: { id: s.municipality.id, name: s.municipality.name },
          unit: { id: bof.id, name: bof.name },
        },
        subject: { unborn: false, name: null },
        receiptOn: null,
        childAssessment: null,
      });
      const row = await inScope(db(), { kind: 'system' }, (tx) =>
        tx.selectFrom('concern_report').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow(),
      );
      expect(row).toMatchObject({
        org_id: s.municipality.id,
        receiving_unit_id: bof.id,
        sender_org_id: s.municipality.id,
        family_id: f.familyId,
        child_person_id: f.childId,
        receipt_due_on: '2026-12-01', // Monday 23 November + 6 working days
      });
      expect(row.assessment_due_at.toISOString()).toBe('2026-11-24T09:00:00.000Z');
      // Audited without family or person id, so no view of the trail by family shows it.
      expect(await auditOfRequest(db(), res)).toEqual([
        expect.objectContaining({
          action: 'create',
          entity_type: 'concern_report',
          entity_id: sent.id,
          family_id: null,
          person_id: null,
          data_org_id: s.municipality.id,
          basis: 'legal_basis',
        }),
      ]);
    });

    it('an NGO counsellor with no access to the family reports the pregnancy, and gets no access by it', async () => {
      const f = await registerFamily(env, s);
      const before = await s.sessions.ngo.request('GET', `/api/families/${f.familyId}`);
      expectProblem(before, 403, 'forbidden');
      const res = await send(s.sessions.ngo, body({ familyId: f.familyId, pregnancyId: f.pregnancyId }));
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as SentConcernReport).subject).toEqual({ unborn: true, name: null });
      expectProblem(await s.sessions.ngo.request('GET', `/api/families/${f.familyId}`), 403, 'forbidden');
      expectProblem(await s.sessions.ngo.request('GET', '/api/concern-reports'), 403, 'forbidden');
    });

    it('a daycare educator reports a child not known in Familiespor to the municipality she names', async () => {
      const res = await send(
        s.sessions.daycare,
        body(
          {
            unregistered: {
              unborn: false,
              name: 'Liva (efternavn ukendt)',
              birthDate: '2024-03-01',
              address: 'Rosenvej 3, 5000 Odense C',
              municipalityOrgId: s.municipality.id,
            },
          },
          { urgency: 'urgent', parentsInformed: 'unknown', senderContact: { email: 'stue@demo.dk' } },
        ),
      );
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as SentConcernReport).subject).toEqual({
        unborn: false,
        name: 'Liva (efternavn ukendt)',
      });
    });

    it('refuses roles that work with configuration only (403, audited) and writes nothing', async () => {
      const before = await countReports();
      const f = await familyWithNewborn(env, s, { daysAgo: 3 });
      const res = await send(analyst, body({ familyId: f.familyId, childPersonId: f.childId }));
      expectProblem(res, 403, 'forbidden');
      expect(await countReports()).toBe(before);
    });

    it('bad input — no child or pregnancy, unknown family, a child of another family — is 400 and writes nothing', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 4 });
      const other = await registerFamily(env, s);
      const before = await countReports();
      const cases: [Record<string, unknown>, string][] = [
        [body({ familyId: f.familyId }), 'subject'],
        [body({}), 'subject'],
        [body({ familyId: f.familyId, childPersonId: f.childId, pregnancyId: other.pregnancyId }), 'subject'],
        [body({ childPersonId: f.childId }), 'familyId'],
        [body({ familyId: crypto.randomUUID(), childPersonId: f.childId }), 'familyId'],
        [body({ familyId: other.familyId, childPersonId: f.childId }), 'childPersonId'],
        [body({ familyId: f.familyId, pregnancyId: other.pregnancyId }), 'pregnancyId'],
        [
          body({
            unregistered: {
              unborn: true,
              name: 'Gravid kvinde',
              address: 'Ukendt',
              municipalityOrgId: crypto.randomUUID(),
            },
          }),
          'unregistered.municipalityOrgId',
        ],
        [
          body({ familyId: f.familyId, childPersonId: f.childId }, { senderContact: {} }),
          'senderContact.phone',
        ],
        [body({ familyId: f.familyId, childPersonId: f.childId }, { worry: 'kort' }), 'worry'],
      ];
      for (const [b, path] of cases) {
        const problem = expectProblem(await send(s.sessions.ngo, b), 400, 'validation');
        expect(
          problem.errors.map((e) => e.path),
          JSON.stringify(b),
        ).toContain(path);
      }
      expect(await countReports()).toBe(before);
    });
  });

  describe('the inbox and what the caseworker records', () => {
    it('lists the municipality’s reports with deadlines; one past its deadline comes before newer ones', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 10 });
      const first = (
        await send(s.sessions.daycare, body({ familyId: f.familyId, childPersonId: f.childId }))
      ).json() as SentConcernReport;
      // The first report was received 25 hours ago: its 24 hours have run out.
      const earlier = new Date(env.clock.now().getTime() - 25 * 3_600_000);
      await inScope(db(), { kind: 'system' }, (tx) =>
        tx
          .updateTable('concern_report')
          .set({ received_at: earlier, assessment_due_at: new Date(earlier.getTime() + 24 * 3_600_000) })
          .where('id', '=', first.id)
          .execute(),
      );
      const second = (
        await send(s.sessions.healthVisitor, body({ familyId: f.familyId, childPersonId: f.childId }))
      ).json() as SentConcernReport;
      const list = await inbox();
      const ids = list.items.map((i) => i.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(list.items.filter((i) => i.deadlines.overdue).length).toBe(list.counts.overdue);
      const a = list.items.find((i) => i.id === first.id) as ConcernReport;
      expect(a.deadlines.assessment.state).toBe('overdue');
      expect(a.deadlines.overdue).toBe(true);
      const b = list.items.find((i) => i.id === second.id) as ConcernReport;
      expect(b.deadlines.assessment).toEqual({
        dueAt: new Date(env.clock.now().getTime() + 24 * 3_600_000).toISOString(),
        state: 'open',
      });
      expect(b.subject).toMatchObject({
        unborn: false,
        familyId: f.familyId,
        name: `${f.family.members.find((m) => m.role === 'child')?.givenName} ${
          f.family.members.find((m) => m.role === 'child')?.familyName
        }`,
        cprMasked: expect.stringMatching(/^\d{6}-xxxx$/),
      });
      expect(b.subject.cpr).toBeUndefined();
      expect(b.sender.organisation.id).toBe(s.municipality.id);
      expect(b.worry).toBe(worry);
      // Another municipality's caseworker sees none of them.
      const others = await inbox(otherCaseworker, 'all');
      expect(others.items.some((i) => i.id === first.id || i.id === second.id)).toBe(false);
      expectProblem(
        await otherCaseworker.request('GET', `/api/concern-reports/${first.id}`),
        404,
        'not_found',
      );
    });

    it('records the assessment, the receipt and the child assessment; the sender learns only received and § 20', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 12 });
      const sent = (
        await send(s.sessions.ngo, body({ familyId: f.familyId, childPersonId: f.childId }))
      ).json() as SentConcernReport;
      const url = `/api/concern-reports/${sent.id}`;

      const full = await caseworker.request('GET', url);
      expect(full.statusCode, full.body).toBe(200);
      expect((full.json() as ConcernReport).subject.cpr).toMatch(/^\d{10}$/);

      const assessed = await caseworker.request('POST', `${url}/assessment`, {
        acuteRisk: false,
        note: 'Ingen akut fare; undersøges',
      });
      expect(assessed.statusCode, assessed.body).toBe(200);
      expect((assessed.json() as ConcernReport).assessment).toMatchObject({
        acuteRisk: false,
        by: { id: caseworkerId },
      });
      expect((assessed.json() as ConcernReport).deadlines.assessment.state).toBe('done');
      expect(await auditOfRequest(db(), assessed)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_type: 'concern_report',
          entity_id: sent.id,
          family_id: null,
          basis: 'own_org',
        }),
      ]);
      expectProblem(
        await caseworker.request('POST', `${url}/assessment`, { acuteRisk: true }),
        409,
        'conflict',
      );

      const receipt = await caseworker.request('POST', `${url}/receipt`);
      expect(receipt.statusCode, receipt.body).toBe(200);
      expect((receipt.json() as ConcernReport).deadlines.receipt.state).toBe('done');
      expectProblem(await caseworker.request('POST', `${url}/receipt`), 409, 'conflict');

      const started = await caseworker.request('POST', `${url}/child-assessment`, { started: true });
      expect(started.statusCode, started.body).toBe(200);
      expect((started.json() as ConcernReport).childAssessment?.decision).toBe('started');
      expectProblem(
        await caseworker.request('POST', `${url}/child-assessment`, { started: false }),
        409,
        'conflict',
      );

      const mine = await s.sessions.ngo.request('GET', '/api/my/concern-reports');
      expect(mine.statusCode, mine.body).toBe(200);
      const item = (mine.json() as SentConcernReport[]).find((r) => r.id === sent.id);
      // Exactly these fields: nothing of the assessment, its note or who did it.
      expect(item).toEqual({
        id: sent.id,
        sentAt: sent.sentAt,
        recipient: sent.recipient,
        subject: { unborn: false, name: null },
        receiptOn: copenhagenDate(env.clock.now()),
        childAssessment: 'started',
      });
      expect(mine.body).not.toContain('Ingen akut fare');
      // Another sender does not see it.
      const theirs = await s.sessions.daycare.request('GET', '/api/my/concern-reports');
      expect((theirs.json() as SentConcernReport[]).some((r) => r.id === sent.id)).toBe(false);
    });

    it('refuses a health visitor, a programme lead and a sender (403, audited without the family)', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 6 });
      const sent = (
        await send(s.sessions.healthVisitor, body({ familyId: f.familyId, childPersonId: f.childId }))
      ).json() as SentConcernReport;
      for (const [session, userId] of [
        [s.sessions.healthVisitor, s.users.healthVisitor.id],
        [s.sessions.programmeLead, s.users.programmeLead.id],
      ] as const) {
        expectProblem(await session.request('GET', '/api/concern-reports'), 403, 'forbidden');
        expect(await lastDenied(userId)).toMatchObject({
          entity_type: 'concern_report',
          family_id: null,
          outcome: 'failure',
        });
        expectProblem(await session.request('GET', `/api/concern-reports/${sent.id}`), 403, 'forbidden');
        expectProblem(
          await session.request('POST', `/api/concern-reports/${sent.id}/assessment`, { acuteRisk: false }),
          403,
          'forbidden',
        );
        expectProblem(
          await session.request('POST', `/api/concern-reports/${sent.id}/receipt`),
          403,
          'forbidden',
        );
      }
      const row = await inScope(db(), { kind: 'system' }, (tx) =>
        tx
          .selectFrom('concern_report')
          .select(['assessed_at', 'receipt_sent_at'])
          .where('id', '=', sent.id)
          .executeTakeFirstOrThrow(),
      );
      expect(row).toEqual({ assessed_at: null, receipt_sent_at: null });
    });
  });

  describe('parents never see concern reports', () => {
    it('refuses every concern endpoint to a parent (403, audited), and nothing reaches her timeline', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 8 });
      const sent = (
        await send(s.sessions.daycare, body({ familyId: f.familyId, childPersonId: f.childId }))
      ).json() as SentConcernReport;
      const parent = await loginAsParent(env.app, db(), f.motherId);
      const attempts = [
        parent.request('GET', '/api/concern-reports'),
        parent.request('GET', `/api/concern-reports/${sent.id}`),
        parent.request('GET', '/api/my/concern-reports'),
        parent.request('GET', '/api/concern-reports/recipients'),
        parent.request(
          'POST',
          '/api/concern-reports',
          body({ familyId: f.familyId, childPersonId: f.childId }),
        ),
        parent.request('POST', `/api/concern-reports/${sent.id}/receipt`),
      ];
      for (const res of await Promise.all(attempts)) expectProblem(res, 403, 'forbidden');
      const denied = await deniedEventsOf(db(), f.motherId);
      expect(denied.length).toBeGreaterThanOrEqual(attempts.length);
      const timeline = await parent.request('GET', '/api/portal/timeline');
      expect(timeline.statusCode, timeline.body).toBe(200);
      expect(timeline.body).not.toContain(sent.id);
      // No audit event of any concern report names the family, so no access log by family can show one.
      const byFamily = await inScope(db(), { kind: 'system' }, (tx) =>
        tx
          .selectFrom('audit_event')
          .select('id')
          .where('family_id', '=', f.familyId)
          .where((eb) => eb.or([eb('entity_type', '=', 'concern_report'), eb('entity_id', '=', sent.id)]))
          .execute(),
      );
      expect(byFamily).toEqual([]);
    });
  });

  describe('row-level security', () => {
    it('lets the sender’s organisation read only the status columns through the view, never the report', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 9 });
      const sent = (
        await send(s.sessions.ngo, body({ familyId: f.familyId, childPersonId: f.childId }))
      ).json() as SentConcernReport;
      const asNgo = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
        inScope(db(), { kind: 'orgs', orgIds: [s.ngo.id] }, fn);
      const direct = await asNgo((tx) =>
        tx.selectFrom('concern_report').select('id').where('id', '=', sent.id).execute(),
      );
      expect(direct).toEqual([]);
      const view = await asNgo((tx) =>
        tx.selectFrom('concern_report_sent').selectAll().where('id', '=', sent.id).execute(),
      );
      expect(view.map((v) => Object.keys(v).sort())).toEqual([
        [
          'child_assessment',
          'id',
          'org_id',
          'receipt_sent_at',
          'received_at',
          'receiving_unit_id',
          'sender_org_id',
          'sender_user_id',
          'subject_name',
          'subject_unborn',
        ],
      ]);
      // The view is read-only for the app, and another organisation sees nothing through it.
      await expect(
        asNgo((tx) => sql`UPDATE concern_report_sent SET child_assessment = 'started'`.execute(tx)),
      ).rejects.toThrow();
      const stranger = await inScope(db(), { kind: 'orgs', orgIds: [otherMunicipality.id] }, (tx) =>
        tx.selectFrom('concern_report_sent').select('id').where('id', '=', sent.id).execute(),
      );
      expect(stranger).toEqual([]);
    });
  });
});
